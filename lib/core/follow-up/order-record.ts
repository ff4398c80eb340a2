import type { OrderState } from '../orders/order-state.ts';
import type { FollowUpRecord } from './record-facts.ts';

/** A delivered order, as the follow-up planner sees it, for its `occurrence`-th delivery. */
export function orderFollowUpRecord(state: OrderState, occurrence: number): FollowUpRecord {
  const delivery = state.deliveries?.[occurrence - 1];
  const number = state.snapshot.number;
  return {
    ref: state.ref,
    title: number ? `order ${number}` : `order ${state.ref.id}`,
    ...(delivery ? { occurredAt: delivery.at } : {}),
    // An order whose delivery was taken back is treated as a reopened case.
    reopened: delivery !== undefined && !state.snapshot.deliveredAt,
    ...(delivery?.ownerId ? { ownerAtClose: delivery.ownerId } : {}),
    ...(state.lastUserOwnerId ? { lastUserOwnerId: state.lastUserOwnerId } : {}),
    ...(state.snapshot.contactId ? { contactId: state.snapshot.contactId } : {}),
  };
}
