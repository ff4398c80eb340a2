import type { RecordKind } from '../../core/model/crm-event.ts';
import { nativeProperty, type HubSpotMapping } from './mapping.ts';
import type { HubSpotObject } from './objects.ts';

/**
 * What readRecord asks HubSpot for, per kind: a read returns only the properties it names. The
 * mapped ones (config `fields`) are added, except the association stand-in `contactId`.
 */
const BASE: Readonly<Record<RecordKind, readonly string[]>> = {
  case: [
    'subject',
    'content',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_priority',
    'hs_ticket_category',
    'hubspot_owner_id',
    'hs_ticket_id',
    'closed_date',
    'createdate',
    'hs_lastmodifieddate',
  ],
  order: [
    'hs_order_name',
    'hs_external_order_id',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hubspot_owner_id',
    'hs_createdate',
    'hs_lastmodifieddate',
  ],
  task: [
    'hs_task_subject',
    'hs_task_body',
    'hs_task_status',
    'hs_task_type',
    'hs_task_priority',
    'hs_timestamp',
    'hs_task_completion_date',
    'hubspot_owner_id',
    'hs_createdate',
    'hs_lastmodifieddate',
  ],
  contact: ['firstname', 'lastname', 'email', 'phone', 'hubspot_owner_id', 'createdate', 'lastmodifieddate'],
};

const MAPPED: Readonly<Partial<Record<RecordKind, readonly Parameters<typeof nativeProperty>[1][]>>> = {
  order: [
    'order.promisedAt',
    'order.expedite',
    'order.shippedAt',
    'order.deliveredAt',
    'order.status',
    'order.contact',
  ],
  contact: ['contact.optedOut'],
};

/** Associated records a read turns into fields: `contactId` of a ticket is its (first) contact. */
export const ASSOCIATION_FIELDS: Readonly<Record<RecordKind, Readonly<Partial<Record<HubSpotObject, string>>>>> = {
  case: { contacts: 'contactId' },
  order: { contacts: 'contactId' },
  task: { tickets: 'ticketId', orders: 'orderId', contacts: 'contactId' },
  contact: {},
};

export function propertiesToRead(kind: RecordKind, mapping: HubSpotMapping, extra: readonly string[] = []): string[] {
  const mapped = (MAPPED[kind] ?? []).map((field) => nativeProperty(mapping, field));
  const fields = new Set(Object.values(ASSOCIATION_FIELDS[kind]));
  return [...new Set([...BASE[kind], ...mapped, ...extra])].filter((name) => !fields.has(name));
}
