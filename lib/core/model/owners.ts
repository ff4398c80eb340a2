import type { CrmName } from './canonical.ts';

/**
 * Whether an owner id names a person (who can get tasks) rather than a queue. Salesforce users are
 * 005…, queues 00G…; every HubSpot owner is a user.
 */
export function isUserId(crm: CrmName, ownerId: string | undefined): boolean {
  if (!ownerId) return false;
  return crm === 'hubspot' ? true : ownerId.startsWith('005');
}
