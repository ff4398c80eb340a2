/**
 * A new HubSpot access token when the API answers 401. With OAuth credentials in the secret, the
 * refresh-token grant (OAuth access tokens live 30 minutes); without (a private app's token, which
 * does not expire), the secret is read again, bypassing the cache, in case it was rotated. The new
 * token lives in this container only, as for Salesforce (salesforce-session.ts).
 */
import { refreshGrant } from '../crm/hubspot/oauth.ts';
import { rereadToken } from './reread-token.ts';
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
  return rereadToken(secret.accessToken, reread, {
    code: 'INVALID_AUTHENTICATION',
    message:
      'HubSpot refused the access token and its secret holds no newer one (rotate the private app token, or add OAuth credentials)',
  });
}
