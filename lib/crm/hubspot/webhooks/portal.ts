import { sameSecret } from '../../shared/constant-time.ts';

/** Whether a payload's portal (HubSpot account) id is the configured one; compared like every other credential. */
export function isConfiguredPortal(portalId: string, configuredPortalId: string): boolean {
  return sameSecret(portalId, configuredPortalId);
}
