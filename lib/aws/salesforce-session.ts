/**
 * A new Salesforce access token when the API answers 401 (SalesforceConnection calls this at most
 * once per burst). With OAuth credentials in the secret, the refresh-token grant; without, the secret
 * is read again, bypassing the cache, in case a rotation or an admin has put a newer token there.
 * The new token lives in this container only: writing it back would need PutSecretValue on the
 * credentials, which the Lambdas should not have.
 */
import { DEFAULT_LOGIN_URL, refreshGrant } from '../crm/salesforce/oauth.ts';
import { rereadToken } from './reread-token.ts';
import type { SalesforceSecret } from './secret-schemas.ts';

export function salesforceRefresh(
  secret: SalesforceSecret,
  reread: () => Promise<SalesforceSecret>,
): () => Promise<string> {
  const { refreshToken, clientId, clientSecret } = secret;
  if (refreshToken && clientId && clientSecret) {
    const loginUrl = secret.loginUrl ?? DEFAULT_LOGIN_URL;
    return () => refreshGrant(loginUrl, { refreshToken, clientId, clientSecret });
  }
  return rereadToken(secret.accessToken, reread, {
    code: 'INVALID_SESSION_ID',
    message:
      'Salesforce refused the access token and its secret holds no newer one (add OAuth credentials to refresh it)',
  });
}
