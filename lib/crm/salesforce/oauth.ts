/**
 * Salesforce's OAuth refresh-token grant (POST /services/oauth2/token): a new access token for a
 * connected app's refresh token. Errors are CrmErrors that never quote a token.
 */
import { CrmError } from '../../core/ports/crm.ts';
import type { OAuthCredentials } from '../shared/oauth-credentials.ts';

export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';
const TIMEOUT_MS = 20_000;

/** POST /services/oauth2/token, grant_type=refresh_token; errors classified, never quoting a token. */
export async function refreshGrant(loginUrl: string, credentials: OAuthCredentials): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  let response: Response;
  try {
    response = await fetch(`${loginUrl.replace(/\/+$/, '')}/services/oauth2/token`, {
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
