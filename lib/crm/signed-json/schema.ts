import { z } from 'zod';
import { fromIso } from '../../core/time/instant.ts';

/** Salesforce objects a callout may report, and the record kinds they are. */
export const SIGNED_OBJECTS = { Case: 'case', Order: 'order', Task: 'task', Contact: 'contact' } as const;
export type SignedObject = keyof typeof SIGNED_OBJECTS;

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** API names (`Subject`, `Expedite__c`); also keeps `__proto__` and friends out of the fields. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

const isTimestamp = (text: string): boolean => {
  try {
    fromIso(text);
    return true;
  } catch {
    return false;
  }
};

export const signedEventSchema = z.strictObject({
  id: z.string().min(1).max(255).meta({ description: 'Unique per change and stable across retries: the dedupe key.' }),
  object: z.enum(Object.keys(SIGNED_OBJECTS) as [SignedObject, ...SignedObject[]]),
  recordId: z.string().regex(SALESFORCE_ID, { error: 'expected a 15- or 18-character Salesforce id' }),
  change: z.enum(['created', 'updated', 'deleted']),
  occurredAt: z.string().refine(isTimestamp, {
    error: 'expected an ISO-8601 timestamp with an offset, e.g. 2026-12-02T07:00:00.000Z',
  }),
  fields: z.record(
    z.string().regex(FIELD_NAME, { error: 'not a Salesforce field name' }),
    z.union([z.string(), z.number(), z.boolean(), z.null()], { error: 'expected text, a number, a boolean or null' }),
  ),
});

/** The body of a signed JSON callout (README.md in this folder). */
export const signedPayloadSchema = z.strictObject({
  events: z
    .array(signedEventSchema)
    .min(1, { error: 'send at least one event' })
    .max(100, { error: 'send at most 100 events per request' }),
});

export type SignedEvent = z.output<typeof signedEventSchema>;
export type SignedPayload = z.output<typeof signedPayloadSchema>;
