import type { CrmEvent } from '../../../core/model/crm-event.ts';
import type { Instant } from '../../../core/time/instant.ts';
import type { WebhookBatch, WebhookEvent } from './batch-schema.ts';
import { followedChange } from './object-types.ts';

/**
 * A batch's events about records crmflow follows → CrmEvents, in batch order; the others are
 * skipped (object-types.ts). HubSpot tells one property per event at most, so every event is
 * partial: the router reads the whole record before it acts.
 */
export function webhookBatchEvents(batch: WebhookBatch, receivedAt: Instant): CrmEvent[] {
  return batch.flatMap((event) => {
    const followed = followedChange(event.subscriptionType, event.objectTypeId);
    return followed ? [toCrmEvent(event, followed, receivedAt)] : [];
  });
}

function toCrmEvent(
  event: WebhookEvent,
  { kind, change }: NonNullable<ReturnType<typeof followedChange>>,
  receivedAt: Instant,
): CrmEvent {
  return {
    // eventId is unique per event and the same on every retry of it: the router's dedupe key.
    id: `hubspot:${event.eventId}`,
    crm: 'hubspot',
    kind,
    recordId: event.objectId,
    change,
    occurredAt: event.occurredAt,
    receivedAt,
    fields: event.propertyName === undefined ? {} : { [event.propertyName]: event.propertyValue ?? null },
    complete: false,
  };
}
