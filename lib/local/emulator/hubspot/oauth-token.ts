import type { GrantRefusal, Sessions } from '../sessions.ts';
import type { ApiResponse } from './api/types.ts';

/** HubSpot's status and words for each refusal of the token endpoint. */
const REFUSALS: Readonly<Record<GrantRefusal, readonly [string, string]>> = {
  unsupported_grant_type: ['BAD_GRANT_TYPE', 'grant_type must be one of authorization_code or refresh_token'],
  invalid_client_id: ['BAD_CLIENT_ID', 'missing or unknown client id'],
  invalid_client: ['BAD_CLIENT_SECRET', 'client secret does not match the client id'],
  invalid_grant: ['BAD_REFRESH_TOKEN', 'missing or unknown refresh token'],
};

/** POST /oauth/v1/token with the refresh-token grant, answered as HubSpot answers it. */
export function tokenAnswer(sessions: Sessions, form: URLSearchParams): ApiResponse {
  const outcome = sessions.refresh(form);
  if ('refused' in outcome) {
    const [status, message] = REFUSALS[outcome.refused];
    return {
      status: 400,
      body: { status, message, correlationId: '00000000-0000-4000-8000-000000000400' },
    };
  }
  return {
    status: 200,
    body: {
      token_type: 'bearer',
      refresh_token: sessions.app.refreshToken,
      access_token: outcome.token,
      expires_in: 1800,
    },
  };
}
