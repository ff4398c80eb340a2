import { z } from 'zod';
import { CRMS } from './canonical.ts';
import { RECORD_KINDS, type CrmEvent } from './crm-event.ts';

/** A CrmEvent as it travels through the queue: checked again on arrival, never trusted as JSON. */
export const crmEventSchema = z.strictObject({
  id: z.string().min(1),
  crm: z.enum(CRMS),
  kind: z.enum(RECORD_KINDS),
  recordId: z.string().min(1),
  change: z.enum(['created', 'updated', 'deleted']),
  occurredAt: z.number().int(),
  receivedAt: z.number().int(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  complete: z.boolean(),
}) satisfies z.ZodType<CrmEvent>;

export function parseCrmEvent(json: string): CrmEvent {
  return crmEventSchema.parse(JSON.parse(json));
}
