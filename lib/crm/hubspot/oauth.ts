/**
 * HubSpot's OAuth refresh-token grant (POST /oauth/v1/token) through the client's own tokens API: a
 * new access token for an app's refresh token. Errors are CrmErrors that never quote a token.
 */
import { createHubSpotClient, DEFAULT_BASE_PATH } from './client.ts';
import { toCrmError } from './errors.ts';
import type { OAuthCredentials } from '../shared/oauth-credentials.ts';

export async function refreshGrant(credentials: OAuthCredentials, basePath = DEFAULT_BASE_PATH): Promise<string> {
  const { client, close } = createHubSpotClient({ basePath });
  try {
    const answer = await client.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      credentials.clientId,
      credentials.clientSecret,
      credentials.refreshToken,
    );
    return answer.accessToken;
  } catch (error) {
    throw toCrmError(error);
  } finally {
    close();
  }
}
