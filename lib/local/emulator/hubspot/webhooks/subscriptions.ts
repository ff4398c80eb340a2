import { OBJECT_TYPE_DEFS, type ObjectType } from '../object-types.ts';

export type SubscriptionKind = 'creation' | 'propertyChange' | 'deletion';

/** One webhook subscription of the app: an event kind on an object, for one property if a change. */
export interface Subscription {
  readonly id: number;
  readonly objectType: ObjectType;
  readonly kind: SubscriptionKind;
  readonly propertyName?: string;
  /** `ticket.propertyChange` for objects with classic subscriptions, else `object.propertyChange`. */
  readonly subscriptionType: string;
}

/**
 * The properties crmflow's app subscribes to, per object: the ones the router and the planners map
 * (status, priority, owner, and the order properties of DESIGN §5). HubSpot sends one
 * propertyChange event per subscribed property that changed.
 */
export const DEFAULT_SUBSCRIBED_PROPERTIES: Readonly<Partial<Record<ObjectType, readonly string[]>>> = {
  tickets: ['hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'hubspot_owner_id'],
  orders: ['promised_date', 'expedite', 'shipped_date', 'delivered_date', 'hs_pipeline_stage', 'hubspot_owner_id'],
  tasks: ['hs_task_status', 'hubspot_owner_id'],
  contacts: ['do_not_call', 'hubspot_owner_id'],
};

/** Contacts and tickets have their own subscription types; orders and tasks go through `object.*`. */
const CLASSIC: readonly ObjectType[] = ['contacts', 'tickets'];
const FIRST_SUBSCRIPTION_ID = 2_100_001;

/** The app's subscriptions: creation, deletion and the properties above, plus any `extra` ones. */
export function subscriptionsFor(
  extra: Readonly<Partial<Record<ObjectType, readonly string[]>>> = {},
): readonly Subscription[] {
  const list: Subscription[] = [];
  const types = new Set([...Object.keys(DEFAULT_SUBSCRIBED_PROPERTIES), ...Object.keys(extra)] as ObjectType[]);
  for (const objectType of types) {
    const prefix = CLASSIC.includes(objectType) ? OBJECT_TYPE_DEFS[objectType].singular : 'object';
    const add = (kind: SubscriptionKind, propertyName?: string) =>
      list.push({
        id: FIRST_SUBSCRIPTION_ID + list.length,
        objectType,
        kind,
        subscriptionType: `${prefix}.${kind}`,
        ...(propertyName === undefined ? {} : { propertyName }),
      });
    add('creation');
    add('deletion');
    const properties = new Set([...(DEFAULT_SUBSCRIBED_PROPERTIES[objectType] ?? []), ...(extra[objectType] ?? [])]);
    for (const name of properties) add('propertyChange', name.toLowerCase());
  }
  return list;
}
