import { z } from 'zod';
import { readSObjectFields, type RawFieldValue } from './sobject-fields.ts';

/** The objects crmflow follows, as Salesforce names them in `xsi:type="sf:Case"`. */
export const SOBJECT_TYPES = ['Case', 'Order', 'Task', 'Contact'] as const;
export type SObjectType = (typeof SOBJECT_TYPES)[number];

export interface OutboundNotification {
  /** The Notification Id: stable across Salesforce's retries of this notification. */
  readonly id: string;
  readonly objectType: SObjectType;
  /** The record's `sf:Id`. */
  readonly recordId: string;
  /** Every `sf:*` field, as text (or null for nil); `Id` is always there. */
  readonly fields: Readonly<Record<string, RawFieldValue>>;
}

/** A verified-shape Outbound Message. The SessionId is deliberately not kept: it is a live API session. */
export interface OutboundMessage {
  readonly organizationId: string;
  readonly actionId: string;
  readonly enterpriseUrl?: string;
  readonly partnerUrl?: string;
  readonly notifications: readonly OutboundNotification[];
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const salesforceId = z.string().regex(SALESFORCE_ID, { error: 'expected a 15- or 18-character Salesforce id' });

const objectType = z
  .string()
  // Namespace prefixes are removed from names, not from attribute values: `sf:Case` → `Case`.
  .transform((type) => type.slice(type.indexOf(':') + 1))
  .pipe(z.enum(SOBJECT_TYPES, { error: 'expected an sObject of type sf:Case, sf:Order, sf:Task or sf:Contact' }));

const sObject = z.looseObject({ '@_type': objectType }).transform((raw, context) => {
  const fields = readSObjectFields(raw, context);
  const recordId = fields.Id;
  if (typeof recordId !== 'string' || !SALESFORCE_ID.test(recordId)) {
    context.addIssue({ code: 'custom', path: ['Id'], message: 'the sObject has no Id field holding a Salesforce id' });
    return z.NEVER;
  }
  return { objectType: raw['@_type'], recordId, fields };
});

const notification = z
  .object({ Id: salesforceId, sObject })
  .transform((raw): OutboundNotification => ({ id: raw.Id, ...raw.sObject }));

/** Informational elements: kept when they are text, never a reason to refuse the message. */
const optionalText = z.unknown().transform((value) => (typeof value === 'string' ? value : undefined));

const notifications = z.object({
  OrganizationId: salesforceId.regex(/^00D/, { error: 'expected an organization id (00D…)' }),
  ActionId: salesforceId,
  EnterpriseUrl: optionalText,
  PartnerUrl: optionalText,
  Notification: z
    .array(notification)
    .min(1, { error: 'a message carries at least one Notification' })
    .max(100, { error: 'a message carries at most 100 Notifications' }),
});

/**
 * Envelope/Body/notifications after namespace prefixes are removed. Unknown elements inside are
 * ignored (Salesforce may add some); a second root element is not, since it is not one message.
 */
export const outboundMessageSchema = z
  .strictObject({ Envelope: z.object({ Body: z.object({ notifications }) }) })
  .transform(({ Envelope }): OutboundMessage => {
    const raw = Envelope.Body.notifications;
    return {
      organizationId: raw.OrganizationId,
      actionId: raw.ActionId,
      ...(raw.EnterpriseUrl === undefined ? {} : { enterpriseUrl: raw.EnterpriseUrl }),
      ...(raw.PartnerUrl === undefined ? {} : { partnerUrl: raw.PartnerUrl }),
      notifications: raw.Notification,
    };
  });
