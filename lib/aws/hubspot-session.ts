/**
 * A new HubSpot access token when the API answers 401. With OAuth credentials in the secret, the
 * refresh-token grant (OAuth access tokens live 30 minutes); without (a private app's token, which
 * does not expire), the secret is read again, bypassing the cache, in case it was rotated. The new
 * token lives in this container only, as for Salesforce (salesforce-session.ts).
 */
import { CrmError } from '../core/ports/crm.ts';
import { refreshGrant } from '../crm/hubspot/oauth.ts';
import type { HubSpotSecret } from './secret-schemas.ts';

export function hubspotRefresh(
  secret: HubSpotSecret,
  reread: () => Promise<HubSpotSecret>,
  basePath?: string,
): () => Promise<string> {
  const { refreshToken, clientId, clientSecret } = secret;
  if (refreshToken && clientId && clientSecret) {
    return () => refreshGrant({ refreshToken, clientId, clientSecret }, basePath);
  }
  let current = secret.accessToken;
  return async () => {
    const { accessToken } = await reread();
    if (accessToken === current) {
      throw new CrmError(
        'INVALID_AUTHENTICATION',
        'HubSpot refused the access token and its secret holds no newer one (rotate the private app token, or add OAuth credentials)',
        false,
      );
    }
    current = accessToken;
    return accessToken;
  };
}
