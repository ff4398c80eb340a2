/**
 * The router's pure decision for an order change: merge it into the stored state, and say which
 * expedite plan should run and which delivery wants its follow-up.
 */
import type { Settings } from '../config/settings.ts';
import { matchExpeditePolicy } from '../expedite/match-policy.ts';
import type { RecordRef } from '../model/crm-event.ts';
import { isUserId } from '../model/owners.ts';
import type { OrderSnapshot, OrderState } from './order-state.ts';
import { isNewerSnapshot } from '../model/newer-snapshot.ts';

export interface OrderDecision {
  readonly state: OrderState;
  readonly changed: boolean;
  /** The expedite plan version that should be running (starting it again is a no-op). */
  readonly startExpedite?: number;
  /** The delivery a follow-up should run for, while the order stays delivered. */
  readonly startFollowUp?: number;
}

export function applyOrderChange(
  ref: RecordRef,
  previous: OrderState | undefined,
  snapshot: OrderSnapshot,
  settings: Settings,
): OrderDecision {
  const newest = isNewerSnapshot(snapshot, previous?.snapshot);
  if (previous && !newest) return { state: previous, changed: false, ...running(previous, settings) };

  const deliveredNow = Boolean(snapshot.deliveredAt) && !previous?.snapshot.deliveredAt;
  const deliveries = deliveredNow
    ? [
        ...(previous?.deliveries ?? []),
        { at: snapshot.modifiedAt, ...(snapshot.ownerId ? { ownerId: snapshot.ownerId } : {}) },
      ]
    : (previous?.deliveries ?? []);
  const lastUserOwnerId = isUserId(ref.crm, snapshot.ownerId) ? snapshot.ownerId : previous?.lastUserOwnerId;
  const signature = expediteSignature(snapshot, settings);
  const plan = previous?.expedite ?? { version: 0, signature: '' };
  const version = signature === plan.signature ? plan.version : plan.version + 1;
  const state: OrderState = {
    ref,
    snapshot,
    ...(lastUserOwnerId ? { lastUserOwnerId } : {}),
    ...(deliveries.length ? { deliveries } : {}),
    expedite: { version, signature },
  };
  return { state, changed: true, ...running(state, settings) };
}

/** What the expedite plan depends on: the policy, the promise, the flag. */
function expediteSignature(order: OrderSnapshot, settings: Settings): string {
  const policy = matchExpeditePolicy(settings, order);
  return policy ? `${policy.name}|${order.promisedAt ?? ''}|${order.expedite}` : 'none';
}

function running(state: OrderState, settings: Settings): { startExpedite?: number; startFollowUp?: number } {
  const expedite = matchExpeditePolicy(settings, state.snapshot) ? { startExpedite: state.expedite.version } : {};
  const deliveries = state.deliveries?.length ?? 0;
  const followUp = state.snapshot.deliveredAt && deliveries > 0 ? { startFollowUp: deliveries } : {};
  return { ...expedite, ...followUp };
}
