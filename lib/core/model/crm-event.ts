import type { Instant } from '../time/instant.ts';
import type { CrmName } from './canonical.ts';

/** Record kinds crmflow follows. `case` is a Salesforce Case or a HubSpot ticket. */
export const RECORD_KINDS = ['case', 'order', 'task', 'contact'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type FieldValue = string | number | boolean | null;
export type NativeFields = Readonly<Record<string, FieldValue>>;

/**
 * One change a CRM told us about, normalised at the edge whatever the wire format. The edge only
 * verifies and normalises; the router dedupes on `id` and applies it when it is newer than what is stored.
 */
export interface CrmEvent {
  /** The source's own event id (Salesforce Notification Id, HubSpot eventId): the dedupe key. */
  readonly id: string;
  readonly crm: CrmName;
  readonly kind: RecordKind;
  readonly recordId: string;
  readonly change: 'created' | 'updated' | 'deleted';
  /** When the CRM says the change happened (LastModifiedDate, occurredAt). Orders changes. */
  readonly occurredAt: Instant;
  /** When the edge accepted it. */
  readonly receivedAt: Instant;
  /** Native fields the webhook carried. */
  readonly fields: NativeFields;
  /**
   * Whether `fields` is the whole record (a Salesforce Outbound Message) or a part of it (a HubSpot
   * property change): a partial event makes the router read the record from the CRM first.
   */
  readonly complete: boolean;
}

/** Which record: the key of everything stored about it. */
export interface RecordRef {
  readonly crm: CrmName;
  readonly kind: RecordKind;
  readonly id: string;
}

export const refKey = (ref: RecordRef): string => `${ref.crm}:${ref.kind}:${ref.id}`;
