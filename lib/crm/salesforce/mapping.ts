import type { CaseStatus, MappableField, Priority } from '../../core/model/canonical.ts';
import type { FieldValue, NativeFields } from '../../core/model/crm-event.ts';
import { fromIso, type Instant } from '../../core/time/instant.ts';
import { lookup } from '../shared/lookup.ts';
import type { CanonicalCase, CanonicalOrder } from '../shared/canonical.ts';
export type { CanonicalCase, CanonicalOrder } from '../shared/canonical.ts';

/** Admin overrides from `crm.salesforce` in the config (salesforceSchema): added to the defaults below. */
export interface SalesforceMapping {
  readonly statuses?: Readonly<Record<string, CaseStatus>>;
  readonly priorities?: Readonly<Record<string, Priority>>;
  readonly fields?: Readonly<Partial<Record<MappableField, string | undefined>>>;
}

/** DESIGN §5: Salesforce has no standard order fields for these; the defaults are custom fields. */
export const DEFAULT_FIELDS: Readonly<Record<MappableField, string>> = {
  'order.promisedAt': 'Promised_Date__c',
  'order.expedite': 'Expedite__c',
  'order.shippedAt': 'Shipped_Date__c',
  'order.deliveredAt': 'Delivered_Date__c',
  'order.status': 'Status',
  'order.contact': 'ShipToContactId',
  'contact.optedOut': 'DoNotCall',
};

const DEFAULT_STATUSES: Readonly<Record<string, CaseStatus>> = {
  New: 'new',
  Working: 'open',
  Escalated: 'open',
  'Waiting on Customer': 'waiting',
  Closed: 'closed',
};

const DEFAULT_PRIORITIES: Readonly<Record<string, Priority>> = {
  Critical: 'urgent',
  Urgent: 'urgent',
  High: 'high',
  Medium: 'medium',
  Low: 'low',
};

export const nativeField = (mapping: SalesforceMapping, field: MappableField): string =>
  mapping.fields?.[field] ?? DEFAULT_FIELDS[field];

/**
 * A Case's native fields (REST JSON or an Outbound Message's text values) → canonical values.
 * IsClosed wins: Salesforce sets it from the status's "closed" flag, whatever the status is called.
 * An open status nobody mapped is `open`: the SLA clock keeps running rather than silently pausing.
 */
export function canonicalCase(fields: NativeFields, mapping: SalesforceMapping = {}): CanonicalCase {
  const status = text(fields.Status);
  const mapped = status === undefined ? undefined : lookup(status, mapping.statuses, DEFAULT_STATUSES);
  const priority = text(fields.Priority);
  return {
    status: truthy(fields.IsClosed) ? 'closed' : (mapped ?? 'open'),
    priority: priority === undefined ? undefined : lookup(priority, mapping.priorities, DEFAULT_PRIORITIES),
    ownerId: text(fields.OwnerId),
    contactId: text(fields.ContactId),
    subject: text(fields.Subject),
    number: text(fields.CaseNumber),
    isEscalated: truthy(fields.IsEscalated),
    createdAt: instant(fields.CreatedDate),
    modifiedAt: instant(fields.LastModifiedDate),
  };
}

/** An Order's native fields → canonical values, through the configured field names. */
export function canonicalOrder(fields: NativeFields, mapping: SalesforceMapping = {}): CanonicalOrder {
  const field = (name: MappableField): FieldValue | undefined => fields[nativeField(mapping, name)];
  return {
    status: text(field('order.status')),
    promisedAt: text(field('order.promisedAt')),
    expedite: truthy(field('order.expedite')),
    shippedAt: text(field('order.shippedAt')),
    deliveredAt: text(field('order.deliveredAt')),
    contactId: text(field('order.contact')),
    ownerId: text(fields.OwnerId),
    number: text(fields.OrderNumber),
    createdAt: instant(fields.CreatedDate),
    modifiedAt: instant(fields.LastModifiedDate),
  };
}

/** Outbound Messages carry text: `true` arrives as a string. */
export const truthy = (value: FieldValue | undefined): boolean =>
  value === true || value === 1 || (typeof value === 'string' && /^(true|1)$/i.test(value.trim()));

const text = (value: FieldValue | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : String(value);

function instant(value: FieldValue | undefined): Instant | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return fromIso(value);
  } catch {
    return undefined;
  }
}
