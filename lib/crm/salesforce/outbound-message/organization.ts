import { sameSecret } from '../../shared/constant-time.ts';

/**
 * Whether a message's OrganizationId is the configured org. Salesforce sends 18-character ids while
 * admins may paste the 15-character form; the first 15 characters (case-sensitive) are the id, the
 * last 3 only a checksum of them.
 */
export function isConfiguredOrganization(messageOrgId: string, configuredOrgId: string): boolean {
  return sameSecret(messageOrgId.slice(0, 15), configuredOrgId.slice(0, 15));
}
