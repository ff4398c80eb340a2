import { z } from 'zod';
import { PROPERTY_NAME, hubspotId, propertyValue } from './ids.ts';

/**
 * One event of a webhooks API batch (developers.hubspot.com/docs/api/webhooks, "Webhook payloads").
 * Loose: HubSpot adds keys (`changeFlag`, `sourceId`, `isSensitive`, …) and crmflow must not fail a
 * batch over one it does not read. What it reads is checked.
 */
export const webhookEventSchema = z.looseObject({
  eventId: hubspotId,
  subscriptionId: hubspotId,
  portalId: hubspotId,
  appId: hubspotId,
  occurredAt: z.int({ error: 'expected unix time in milliseconds' }).nonnegative(),
  subscriptionType: z.string().min(1).max(100),
  attemptNumber: z.int().nonnegative(),
  objectId: hubspotId,
  changeSource: z.string().optional(),
  propertyName: z.string().regex(PROPERTY_NAME, { error: 'not a HubSpot property name' }).optional(),
  propertyValue: propertyValue.optional(),
  objectTypeId: z
    .string()
    .regex(/^\d+-\d+$/, { error: 'expected an object type id such as 0-5' })
    .optional(),
});

/** The body HubSpot POSTs to the app's target URL: 1–100 events. */
export const webhookBatchSchema = z
  .array(webhookEventSchema, { error: 'expected a JSON array of events' })
  .min(1, { error: 'a batch holds at least one event' })
  .max(100, { error: 'a batch holds at most 100 events' });

export type WebhookEvent = z.output<typeof webhookEventSchema>;
export type WebhookBatch = z.output<typeof webhookBatchSchema>;
