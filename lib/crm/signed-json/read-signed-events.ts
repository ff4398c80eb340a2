import type { CrmEvent } from '../../core/model/crm-event.ts';
import { fromIso, type Instant } from '../../core/time/instant.ts';
import { describeIssues } from './issues.ts';
import { rejected, type SignedJsonResult } from './rejection.ts';
import { SIGNED_OBJECTS, signedPayloadSchema, type SignedEvent } from './schema.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A verified request's body → CrmEvents. JSON.parse's own messages quote the input, so a syntax
 * error is told without them.
 */
export function readSignedEvents(rawBody: Uint8Array, receivedAt: Instant): SignedJsonResult<CrmEvent[]> {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(rawBody));
  } catch {
    return rejected('malformed_json', 'the body is not UTF-8 JSON');
  }
  const payload = signedPayloadSchema.safeParse(json);
  if (!payload.success) return rejected('invalid_payload', describeIssues(payload.error.issues));
  return { ok: true, value: payload.data.events.map((event) => toCrmEvent(event, receivedAt)) };
}

/** A callout carries the fields its sender chose: partial, so the router reads the record first. */
function toCrmEvent(event: SignedEvent, receivedAt: Instant): CrmEvent {
  return {
    id: event.id,
    crm: 'salesforce',
    kind: SIGNED_OBJECTS[event.object],
    recordId: event.recordId,
    change: event.change,
    occurredAt: fromIso(event.occurredAt),
    receivedAt,
    fields: event.fields,
    complete: false,
  };
}
