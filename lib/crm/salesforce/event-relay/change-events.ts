/**
 * Salesforce Event Relay: Change Data Capture events forwarded by EventBridge to the router's queue
 * (DESIGN §4). The envelope is AWS's; `detail.payload` is Salesforce's change event with its
 * ChangeEventHeader. A change event carries only the changed fields, so each becomes a partial
 * CrmEvent: the router reads the whole record before it decides.
 */
import { z } from 'zod';
import type { CrmEvent, RecordKind } from '../../../core/model/crm-event.ts';
import { fromIso, type Instant } from '../../../core/time/instant.ts';

const KIND: Readonly<Record<string, RecordKind>> = { Case: 'case', Order: 'order', Task: 'task', Contact: 'contact' };
const CHANGE = { CREATE: 'created', UPDATE: 'updated', DELETE: 'deleted', UNDELETE: 'updated' } as const;

const relayEnvelope = z.object({
  'detail-type': z.string(),
  source: z.string().startsWith('aws.partner/salesforce.com'),
  detail: z.object({
    payload: z.object({
      ChangeEventHeader: z.object({
        entityName: z.string(),
        recordIds: z.array(z.string().min(1)).min(1),
        changeType: z.string(),
        commitTimestamp: z.number().int(),
        transactionKey: z.string().optional(),
        sequenceNumber: z.number().int().optional(),
      }),
    }),
    event: z.object({ replayId: z.union([z.string(), z.number()]) }).optional(),
  }),
  id: z.string(),
  time: z.string().optional(),
});

/** Whether a queue message is an EventBridge event from Salesforce (rather than a CrmEvent). */
export function isEventRelayMessage(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'detail-type' in body && 'detail' in body;
}

/**
 * The CrmEvents of one relayed change event: one per record id (a change event may batch several
 * records changed in one transaction); none for objects crmflow does not follow (GAP events, others).
 * Throws with the path of what is missing when the envelope is not a change event.
 */
export function eventRelayEvents(body: unknown, receivedAt: Instant): CrmEvent[] {
  const parsed = relayEnvelope.parse(body);
  const header = parsed.detail.payload.ChangeEventHeader;
  const kind = KIND[header.entityName];
  const change = CHANGE[header.changeType as keyof typeof CHANGE];
  if (!kind || !change) return [];
  const replay = parsed.detail.event?.replayId ?? parsed.id;
  return header.recordIds.map((recordId) => ({
    id: `salesforce:relay:${replay}:${recordId}`,
    crm: 'salesforce',
    kind,
    recordId,
    change,
    occurredAt: header.commitTimestamp,
    receivedAt: parsed.time ? safeTime(parsed.time, receivedAt) : receivedAt,
    fields: {},
    complete: false,
  }));
}

function safeTime(text: string, fallback: Instant): Instant {
  try {
    return fromIso(text);
  } catch {
    return fallback;
  }
}
