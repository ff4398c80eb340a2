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
import { canonicalHubSpotOrder, canonicalTicket, nativeProperty, type HubSpotMapping } from './hubspot/index.ts';
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

export function hubspotMapping(config: Config): HubSpotMapping {
  const hubspot = config.crm.hubspot;
  return {
    ...(hubspot?.stages ? { stages: hubspot.stages } : {}),
    ...(hubspot?.priorities ? { priorities: hubspot.priorities } : {}),
    ...(hubspot?.fields ? { fields: hubspot.fields } : {}),
  };
}

export function caseSnapshotOf(config: Config) {
  return (crm: CrmName, fields: NativeFields): Mapped<CaseSnapshot> =>
    crm === 'salesforce'
      ? canonicalCase(fields, salesforceMapping(config))
      : canonicalTicket(fields, hubspotMapping(config));
}

export function orderSnapshotOf(config: Config) {
  return (crm: CrmName, fields: NativeFields): Mapped<OrderSnapshot> => {
    const order =
      crm === 'salesforce'
        ? canonicalOrder(fields, salesforceMapping(config))
        : canonicalHubSpotOrder(fields, hubspotMapping(config));
    return { ...order, cancelled: order.status !== undefined && CANCELLED.test(order.status) } as Mapped<OrderSnapshot>;
  };
}

export function expediteFieldOf(config: Config) {
  return (crm: CrmName): string =>
    crm === 'salesforce'
      ? nativeField(salesforceMapping(config), 'order.expedite')
      : nativeProperty(hubspotMapping(config), 'order.expedite');
}
