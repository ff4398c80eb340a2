/**
 * A new Salesforce access token when the API answers 401 (SalesforceConnection calls this at most
 * once per burst). With OAuth credentials in the secret, the refresh-token grant; without, the secret
 * is read again, bypassing the cache, in case a rotation or an admin has put a newer token there.
 * The new token lives in this container only: writing it back would need PutSecretValue on the
 * credentials, which the Lambdas should not have.
 */
import { CrmError } from '../core/ports/crm.ts';
import type { SalesforceSecret } from './secret-schemas.ts';

export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';
const TIMEOUT_MS = 20_000;

export function salesforceRefresh(
  secret: SalesforceSecret,
  reread: () => Promise<SalesforceSecret>,
): () => Promise<string> {
  const { refreshToken, clientId, clientSecret } = secret;
  if (refreshToken && clientId && clientSecret) {
    const loginUrl = (secret.loginUrl ?? DEFAULT_LOGIN_URL).replace(/\/+$/, '');
    return () => refreshGrant(loginUrl, { refreshToken, clientId, clientSecret });
  }
  let current = secret.accessToken;
  return async () => {
    const { accessToken } = await reread();
    if (accessToken === current) {
      throw new CrmError(
        'INVALID_SESSION_ID',
        'Salesforce refused the access token and its secret holds no newer one (add OAuth credentials to refresh it)',
        false,
      );
    }
    current = accessToken;
    return accessToken;
  };
}

interface Credentials {
  readonly refreshToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** POST /services/oauth2/token, grant_type=refresh_token; errors classified, never quoting a token. */
async function refreshGrant(loginUrl: string, credentials: Credentials): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  let response: Response;
  try {
    response = await fetch(`${loginUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    throw new CrmError('NETWORK_ERROR', `the Salesforce token endpoint could not be reached (${name})`, true);
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok && typeof answer.access_token === 'string') return answer.access_token;
  const code = typeof answer.error === 'string' ? answer.error : `HTTP_${response.status}`;
  const why = typeof answer.error_description === 'string' ? `: ${answer.error_description}` : '';
  const retryable = response.status === 429 || response.status >= 500;
  throw new CrmError(
    `OAUTH_${code.toUpperCase()}`,
    `Salesforce refused to refresh the session (${code}${why})`,
    retryable,
  );
}
