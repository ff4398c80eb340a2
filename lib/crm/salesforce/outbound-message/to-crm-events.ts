import type { CrmEvent, FieldValue, RecordKind } from '../../../core/model/crm-event.ts';
import { fromIso, type Instant } from '../../../core/time/instant.ts';
import { BOOLEAN_FIELDS, typedFieldValue } from './field-types.ts';
import { rejected, type OutboundResult } from './rejection.ts';
import type { OutboundMessage, OutboundNotification, SObjectType } from './schema.ts';

const KINDS: Readonly<Record<SObjectType, RecordKind>> = {
  Case: 'case',
  Order: 'order',
  Task: 'task',
  Contact: 'contact',
};

export interface OutboundEventOptions {
  /** When the edge accepted the message. */
  readonly receivedAt: Instant;
  /** Checkbox fields beyond the standard ones, e.g. the admin's `order.expedite` field from config. */
  readonly booleanFields?: Iterable<string>;
}

/**
 * Each Notification → one complete CrmEvent. A notification that cannot be placed in time (no
 * LastModifiedDate or SystemModstamp selected in the Outbound Message) refuses the whole message:
 * the router orders changes by it, and Salesforce's delivery monitor shows the admin what to add.
 */
export function outboundMessageEvents(
  message: OutboundMessage,
  options: OutboundEventOptions,
): OutboundResult<CrmEvent[]> {
  const booleans = new Set([...BOOLEAN_FIELDS, ...(options.booleanFields ?? [])]);
  const events: CrmEvent[] = [];
  const problems: string[] = [];
  message.notifications.forEach((notification, index) => {
    const event = toEvent(notification, booleans, options.receivedAt);
    if (typeof event === 'string') problems.push(`Notification[${index}]: ${event}`);
    else events.push(event);
  });
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    return rejected('invalid_outbound_message', problems.slice(0, 3).join('; ') + more);
  }
  return { ok: true, value: events };
}

/** The event, or what is wrong with the notification. */
function toEvent(notification: OutboundNotification, booleans: ReadonlySet<string>, receivedAt: Instant) {
  const fields: [string, FieldValue][] = [];
  for (const [name, raw] of Object.entries(notification.fields)) {
    const value = typedFieldValue(name, raw, booleans);
    if (value === undefined) return `${name} is a checkbox field but holds neither true nor false`;
    fields.push([name, value]);
  }
  const { LastModifiedDate, SystemModstamp, CreatedDate } = notification.fields;
  const modifiedField = LastModifiedDate != null ? 'LastModifiedDate' : 'SystemModstamp';
  const modifiedText = LastModifiedDate ?? SystemModstamp;
  if (modifiedText == null) {
    return 'has neither LastModifiedDate nor SystemModstamp — add LastModifiedDate to the Outbound Message fields';
  }
  const modified = instantOf(modifiedText);
  if (modified === undefined) return `${modifiedField} is not a timestamp`;
  const created = CreatedDate == null ? undefined : instantOf(CreatedDate);
  if (CreatedDate != null && created === undefined) return 'CreatedDate is not a timestamp';

  const event: CrmEvent = {
    id: notification.id,
    crm: 'salesforce',
    kind: KINDS[notification.objectType],
    recordId: notification.recordId,
    change: created === modified ? 'created' : 'updated',
    occurredAt: modified,
    receivedAt,
    fields: Object.fromEntries(fields),
    complete: true,
  };
  return event;
}

/** Salesforce writes `2026-12-02T07:00:00.000Z`, and in some APIs `2026-12-02T07:00:00.000+0000`. */
function instantOf(text: string): Instant | undefined {
  try {
    return fromIso(text);
  } catch {
    return undefined;
  }
}
