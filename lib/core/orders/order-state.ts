import type { RecordRef } from '../model/crm-event.ts';
import type { Instant } from '../time/instant.ts';

/** An order as the core sees it, whatever the CRM (mapped from native fields by lib/crm). */
export interface OrderSnapshot {
  /** The CRM's own status text (Activated, Cancelled…), for words and the cancelled check. */
  readonly status?: string;
  readonly cancelled: boolean;
  /** As written: a date (`2026-12-09`) or a timestamp with an offset. */
  readonly promisedAt?: string;
  readonly expedite: boolean;
  readonly shippedAt?: string;
  readonly deliveredAt?: string;
  readonly ownerId?: string;
  readonly contactId?: string;
  readonly number?: string;
  readonly createdAt: Instant;
  readonly modifiedAt: Instant;
}

export interface OrderState {
  readonly ref: RecordRef;
  readonly snapshot: OrderSnapshot;
  readonly lastUserOwnerId?: string;
  /** Each time the order was marked delivered, and who owned it then (follow-up calls). */
  readonly deliveries?: readonly { readonly at: Instant; readonly ownerId?: string }[];
  /** The expedite plan in force; older executions end at their next Plan. */
  readonly expedite: { readonly version: number; readonly signature: string };
}
