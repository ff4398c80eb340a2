import type { FieldValue } from '../../../core/model/crm-event.ts';
import type { RawFieldValue } from './sobject-fields.ts';

/**
 * Outbound Messages carry no types: every value is text. These checkbox fields, standard on Case,
 * Order, Task and Contact plus crmflow's default custom ones, become booleans; other text is left
 * for the router's mapping, which knows the admin's field choices.
 */
export const BOOLEAN_FIELDS: ReadonlySet<string> = new Set([
  // Case
  'IsClosed',
  'IsEscalated',
  'IsClosedOnCreate',
  'IsDeleted',
  'IsStopped',
  'IsVisibleInSelfService',
  'HasCommentsUnreadByOwner',
  'HasSelfServiceComments',
  // Order
  'IsReductionOrder',
  'Expedite__c',
  // Task
  'IsArchived',
  'IsHighPriority',
  'IsRecurrence',
  'IsReminderSet',
  // Contact
  'DoNotCall',
  'HasOptedOutOfEmail',
  'HasOptedOutOfFax',
  'IsEmailBounced',
]);

/** A field's value typed, or undefined when a boolean field holds something other than true/false. */
export function typedFieldValue(
  name: string,
  value: RawFieldValue,
  booleanFields: ReadonlySet<string>,
): FieldValue | undefined {
  if (value === null || !booleanFields.has(name)) return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
