import { OBJECT_TYPE_DEFS } from '../object-types.ts';
import type { PortalChangeEvent } from '../portal.ts';
import type { PropertyCatalog } from '../property-catalog.ts';
import type { Subscription } from './subscriptions.ts';

/** One event of a HubSpot webhook request body, in the order HubSpot writes its fields. */
export interface WebhookEvent {
  readonly eventId: number;
  readonly subscriptionId: number;
  readonly portalId: number;
  readonly appId: number;
  readonly occurredAt: number;
  readonly subscriptionType: string;
  /** 0 on the first delivery, 1 on the first retry, … */
  readonly attemptNumber: number;
  readonly objectId: number;
  /** On `object.*` events only: which object (`0-123` orders, `0-27` tasks). */
  readonly objectTypeId?: string;
  readonly changeFlag?: 'CREATED' | 'DELETED';
  readonly propertyName?: string;
  readonly propertyValue?: string;
  /** `CRM_UI` for a person's change, `API` for an app's. */
  readonly changeSource: string;
  readonly sourceId?: string;
}

export interface EventContext {
  readonly portalId: number;
  readonly appId: number;
  readonly subscriptions: readonly Subscription[];
  readonly catalog: PropertyCatalog;
  readonly nextEventId: () => number;
}

/**
 * The events HubSpot sends for one change: `creation` (or `deletion`), then one `propertyChange` per
 * subscribed property the change set or altered. A created record's properties count as changed.
 */
export function eventsFor(change: PortalChangeEvent, context: EventContext): WebhookEvent[] {
  const def = OBJECT_TYPE_DEFS[change.type];
  const mine = context.subscriptions.filter((subscription) => subscription.objectType === change.type);
  const base = (subscription: Subscription) => ({
    eventId: context.nextEventId(),
    subscriptionId: subscription.id,
    portalId: context.portalId,
    appId: context.appId,
    occurredAt: change.at,
    subscriptionType: subscription.subscriptionType,
    attemptNumber: 0,
    objectId: Number(change.id),
    ...(subscription.subscriptionType.startsWith('object.') ? { objectTypeId: def.objectTypeId } : {}),
  });
  const source =
    change.source === 'api' ? { changeSource: 'API', sourceId: String(context.appId) } : { changeSource: 'CRM_UI' };
  const events: WebhookEvent[] = [];
  const flag = change.kind === 'created' ? 'creation' : change.kind === 'deleted' ? 'deletion' : undefined;
  const flagged = mine.find((subscription) => subscription.kind === flag);
  if (flagged) {
    events.push({ ...base(flagged), changeFlag: change.kind === 'created' ? 'CREATED' : 'DELETED', ...source });
  }
  if (change.kind === 'deleted') return events;
  for (const subscription of mine) {
    const name = subscription.propertyName;
    if (subscription.kind !== 'propertyChange' || name === undefined || !Object.hasOwn(change.changed, name)) continue;
    const value = webhookValue(context.catalog.get(change.type, name)?.type, change.changed[name] ?? null);
    events.push({ ...base(subscription), propertyName: name, propertyValue: value, ...source });
  }
  return events;
}

/** Webhooks carry dates and datetimes as epoch milliseconds, and a cleared value as ''. */
function webhookValue(type: string | undefined, value: string | null): string {
  if (value === null) return '';
  if (type === 'datetime') return String(Date.parse(value));
  if (type === 'date') return String(Date.parse(`${value}T00:00:00Z`));
  return value;
}
