import type { CrmEvent, RecordKind } from '../../../core/model/crm-event.ts';

/**
 * HubSpot object type ids of the records crmflow follows, as `object.*` subscriptions name them
 * (`objectTypeId`). From HubSpot's object type id table: developers.hubspot.com/docs/guides/crm/using-object-apis
 * Maps, not object literals: a payload's `constructor` must not find Object.prototype's.
 */
export const OBJECT_TYPE_KINDS: ReadonlyMap<string, RecordKind> = new Map([
  ['0-1', 'contact'],
  ['0-5', 'case'], // tickets
  ['0-27', 'task'],
  ['0-123', 'order'],
]);

/** Legacy per-object subscriptions (`ticket.creation`, `contact.propertyChange`). */
const LEGACY_OBJECT_KINDS: ReadonlyMap<string, RecordKind> = new Map([
  ['ticket', 'case'],
  ['contact', 'contact'],
]);

const CHANGES: ReadonlyMap<string, CrmEvent['change']> = new Map([
  ['creation', 'created'],
  ['propertyChange', 'updated'],
  ['deletion', 'deleted'],
]);

/**
 * What a subscription type reports, or undefined for events crmflow does not follow: other objects
 * (`deal.*`, `company.*`, custom objects) and other changes (`merge`, `restore`, `associationChange`,
 * `privacyDeletion`). Those are skipped, not refused: refusing would fail the batch they share with
 * events crmflow does follow.
 */
export function followedChange(
  subscriptionType: string,
  objectTypeId: string | undefined,
): { kind: RecordKind; change: CrmEvent['change'] } | undefined {
  const [object = '', action = '', ...rest] = subscriptionType.split('.');
  const change = rest.length === 0 ? CHANGES.get(action) : undefined;
  const kind = object === 'object' ? OBJECT_TYPE_KINDS.get(objectTypeId ?? '') : LEGACY_OBJECT_KINDS.get(object);
  return change !== undefined && kind !== undefined ? { kind, change } : undefined;
}
