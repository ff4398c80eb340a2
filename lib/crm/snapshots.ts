/**
 * Native fields → the core's snapshots, for whichever CRM the record lives in, through the config's
 * mapping. The router gets these functions; it never sees a native field name.
 */
import type { CaseSnapshot } from '../core/cases/case-state.ts';
import type { Config } from '../core/config/index.ts';
import type { CrmName } from '../core/model/canonical.ts';
import type { NativeFields } from '../core/model/crm-event.ts';
import type { OrderSnapshot } from '../core/orders/order-state.ts';
import type { Mapped } from '../core/router/route-event.ts';
import { canonicalCase, canonicalOrder, nativeField, type SalesforceMapping } from './salesforce/index.ts';

/** Order statuses that end the watch. Salesforce has no standard one; companies add "Cancelled". */
const CANCELLED = /^cancel/i;

export function salesforceMapping(config: Config): SalesforceMapping {
  const salesforce = config.crm.salesforce;
  return {
    ...(salesforce?.statuses ? { statuses: salesforce.statuses } : {}),
    ...(salesforce?.priorities ? { priorities: salesforce.priorities } : {}),
    ...(salesforce?.fields ? { fields: salesforce.fields } : {}),
  };
}

export function caseSnapshotOf(config: Config) {
  return (crm: CrmName, fields: NativeFields): Mapped<CaseSnapshot> => {
    if (crm !== 'salesforce') throw new Error(`cases from ${crm} are not mapped yet`);
    const mapped = canonicalCase(fields, salesforceMapping(config));
    return { ...mapped, isEscalated: mapped.isEscalated };
  };
}

export function orderSnapshotOf(config: Config) {
  return (crm: CrmName, fields: NativeFields): Mapped<OrderSnapshot> => {
    if (crm !== 'salesforce') throw new Error(`orders from ${crm} are not mapped yet`);
    const order = canonicalOrder(fields, salesforceMapping(config));
    return {
      ...order,
      cancelled: order.status !== undefined && CANCELLED.test(order.status),
    } as Mapped<OrderSnapshot>;
  };
}

export function expediteFieldOf(config: Config) {
  return (crm: CrmName): string => {
    if (crm !== 'salesforce') throw new Error(`orders in ${crm} are not mapped yet`);
    return nativeField(salesforceMapping(config), 'order.expedite');
  };
}
