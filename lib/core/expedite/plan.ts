/**
 * The expedite planner (DESIGN §6 promise dates and checkpoints, §6b expedite and delay): a flagged
 * order is expedited at once, an order at risk at `checkBefore` ahead of its promise if still not
 * shipped; at the ship-by deadline, if still not shipped, the delay actions. Pure.
 */
import { DateTime } from 'luxon';
import type { ExpeditePolicy, Settings } from '../config/settings.ts';
import type { OrderState } from '../orders/order-state.ts';
import { toIso, type Instant } from '../time/instant.ts';
import { expediteMoments } from '../time/moments.ts';
import type { ExpediteDecision, OrderWords } from './decision.ts';
import { isOpenOrder, matchExpeditePolicy } from './match-policy.ts';

export interface ExpediteProgress {
  readonly requested: boolean;
  readonly delayed: boolean;
}

export function planExpedite(
  state: OrderState,
  version: number,
  settings: Settings,
  progress: ExpediteProgress,
  now: Instant,
): ExpediteDecision {
  if (state.expedite.version !== version)
    return { kind: 'done', reason: `superseded by plan v${state.expedite.version}` };
  const order = state.snapshot;
  if (!isOpenOrder(order)) {
    return {
      kind: 'done',
      reason: order.cancelled
        ? 'the order was cancelled'
        : order.shippedAt
          ? 'the order has shipped'
          : 'the order was delivered',
    };
  }
  const policy = matchExpeditePolicy(settings, order);
  if (!policy) return { kind: 'done', reason: 'no expedite policy applies to the order' };
  const moments = momentsOf(state, policy, now);
  const words = wordsOf(state, policy, moments.shipByAt, moments.promiseAt);

  if (!progress.requested) {
    if (moments.checkAt !== undefined && now < moments.checkAt) {
      return { kind: 'wait', until: toIso(moments.checkAt), reason: 'the at-risk checkpoint' };
    }
    const targetOwnerId = settings.targets[policy.assignTo]?.[state.ref.crm];
    if (!targetOwnerId) throw new Error(`target "${policy.assignTo}" has no ${state.ref.crm} id (validate the config)`);
    return {
      kind: 'act',
      action: {
        type: 'request',
        key: keyOf(state, 'request', order.promisedAt),
        ref: state.ref,
        policy: policy.name,
        target: policy.assignTo,
        targetOwnerId,
        shipByAt: moments.shipByAt,
        setExpediteFlag: !order.expedite,
        ...(order.contactId ? { contactId: order.contactId } : {}),
        words,
      },
    };
  }
  if (progress.delayed || moments.promiseAt === undefined)
    return { kind: 'done', reason: 'expedited; nothing left to watch' };
  if (now < moments.shipByAt) return { kind: 'wait', until: toIso(moments.shipByAt), reason: 'the ship-by deadline' };
  const targetOwnerId = policy.escalateTo ? settings.targets[policy.escalateTo]?.[state.ref.crm] : undefined;
  return {
    kind: 'act',
    action: {
      type: 'delay',
      key: keyOf(state, 'delay', order.promisedAt),
      ref: state.ref,
      policy: policy.name,
      ...(policy.escalateTo ? { target: policy.escalateTo } : {}),
      ...(targetOwnerId ? { targetOwnerId } : {}),
      notifyCustomer: policy.notifyCustomerOnDelay,
      ...(order.contactId ? { contactId: order.contactId } : {}),
      words,
    },
  };
}

/**
 * The promise, the ship-by deadline and (at risk) the checkpoint. A flagged order with no promise
 * date still gets its request, due a business day out, and no delay watch.
 */
function momentsOf(state: OrderState, policy: ExpeditePolicy, now: Instant) {
  const { promisedAt } = state.snapshot;
  if (!promisedAt) {
    return { promiseAt: undefined, shipByAt: policy.calendar.add(now, { days: 1, openMs: 0 }), checkAt: undefined };
  }
  const moments = expediteMoments(policy.calendar, promisedAt, {
    ...(policy.shipBy ? { shipBy: policy.shipBy } : {}),
    ...(policy.trigger === 'atRisk' && policy.checkBefore ? { checkBefore: policy.checkBefore } : {}),
  });
  return { promiseAt: moments.promiseAt, shipByAt: moments.shipByAt, checkAt: moments.checkAt };
}

/** The ledger keys of the order's request and delay actions for its current promise. */
export function expediteKeys(state: OrderState): { readonly request: string; readonly delay: string } {
  return {
    request: keyOf(state, 'request', state.snapshot.promisedAt),
    delay: keyOf(state, 'delay', state.snapshot.promisedAt),
  };
}

/** One request and one delay per promise: a moved promise gets them anew. */
function keyOf(state: OrderState, step: string, promisedAt: string | undefined): string {
  const promise = (promisedAt ?? 'none').replace(/[^\dT]/g, '');
  return `expedite:${state.ref.crm}:${state.ref.id}:${step}-${promise}:1`;
}

function wordsOf(
  state: OrderState,
  policy: ExpeditePolicy,
  shipByAt: Instant,
  promiseAt: Instant | undefined,
): OrderWords {
  const zone = policy.calendar.zone;
  const format = (at: Instant) => DateTime.fromMillis(at, { zone }).toFormat("cccc d LLLL yyyy 'at' HH:mm");
  const promiseDate = state.snapshot.promisedAt;
  const promise =
    promiseAt === undefined
      ? undefined
      : promiseDate && /^\d{4}-\d{2}-\d{2}$/.test(promiseDate)
        ? DateTime.fromISO(promiseDate, { zone }).toFormat('cccc d LLLL yyyy')
        : format(promiseAt);
  return {
    order: state.snapshot.number ? `order ${state.snapshot.number}` : `order ${state.ref.id}`,
    ...(promise ? { promise } : {}),
    shipBy: format(shipByAt),
    calendar: policy.calendar.name,
  };
}
