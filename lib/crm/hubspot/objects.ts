import type { RecordKind } from '../../core/model/crm-event.ts';

/** The HubSpot object behind each canonical record kind (the path segment of the CRM API). */
export const OBJECT_OF_KIND: Readonly<Record<RecordKind, HubSpotObject>> = {
  case: 'tickets',
  order: 'orders',
  task: 'tasks',
  contact: 'contacts',
};

export type HubSpotObject = 'tickets' | 'orders' | 'tasks' | 'contacts' | 'notes';

/**
 * HubSpot-defined (unlabeled) association type ids crmflow writes, per direction, from HubSpot's
 * "Association type ID values" table (developers.hubspot.com/docs/api/crm/associations) and the
 * AssociationTypes enum of @hubspot/api-client. Directions that table does not list (task→order,
 * note→order) are looked up in the portal instead (see association-types.ts).
 */
export const DOCUMENTED_ASSOCIATION_TYPES: Readonly<Record<string, number>> = {
  'tasks→tickets': 230,
  'tasks→contacts': 204,
  'notes→tickets': 228,
  'notes→contacts': 202,
  'tickets→contacts': 16,
  'orders→contacts': 507,
};
