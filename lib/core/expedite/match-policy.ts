import type { ExpeditePolicy, Settings } from '../config/settings.ts';
import type { OrderSnapshot } from '../orders/order-state.ts';

/** Whether the order is still on its way: not cancelled, shipped or delivered. */
export function isOpenOrder(order: OrderSnapshot): boolean {
  return !order.cancelled && !order.shippedAt && !order.deliveredAt;
}

/**
 * The first expedite policy that applies (DESIGN §7): `expedite: true` to flagged orders, `atRisk:
 * true` to any open order with a promise date.
 */
export function matchExpeditePolicy(settings: Settings, order: OrderSnapshot): ExpeditePolicy | undefined {
  if (!isOpenOrder(order)) return undefined;
  return settings.expedite.find((policy) =>
    policy.trigger === 'expedite' ? order.expedite : order.promisedAt !== undefined,
  );
}
