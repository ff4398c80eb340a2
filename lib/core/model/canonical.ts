/** The canonical values the core speaks whatever the CRM (DESIGN §5). */

export const CASE_STATUSES = ['new', 'open', 'waiting', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CRMS = ['salesforce', 'hubspot'] as const;
export type CrmName = (typeof CRMS)[number];

/** Events that start follow-up policies. */
export const FOLLOW_UP_TRIGGERS = ['case.closed', 'order.delivered'] as const;
export type FollowUpTrigger = (typeof FOLLOW_UP_TRIGGERS)[number];

/**
 * Canonical record fields whose native name an admin may override per CRM (`crm.<crm>.fields`).
 * Orders have no standard fields for these on either CRM, and HubSpot has no standard do-not-call flag.
 */
export const MAPPABLE_FIELDS = [
  'order.promisedAt',
  'order.expedite',
  'order.shippedAt',
  'order.deliveredAt',
  'order.status',
  'order.contact',
  'contact.optedOut',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
