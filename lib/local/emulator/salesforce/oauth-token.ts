import type { GrantRefusal, Sessions } from '../sessions.ts';
import type { ApiResponse } from './rest/types.ts';

/** Salesforce's words for each refusal of the token endpoint. */
const REFUSALS: Readonly<Record<GrantRefusal, string>> = {
  unsupported_grant_type: 'grant type not supported',
  invalid_client_id: 'client identifier invalid',
  invalid_client: 'invalid client credentials',
  invalid_grant: 'expired access/refresh token',
};

/** POST /services/oauth2/token with the refresh-token grant, answered as Salesforce answers it. */
export function tokenAnswer(sessions: Sessions, form: URLSearchParams, instanceUrl: string): ApiResponse {
  const outcome = sessions.refresh(form);
  if ('refused' in outcome) {
    return { status: 400, body: { error: outcome.refused, error_description: REFUSALS[outcome.refused] } };
  }
  return {
    status: 200,
    body: {
      access_token: outcome.token,
      instance_url: instanceUrl,
      id: `${instanceUrl}/id/00D000000000001AAA/005000000000001AAA`,
      token_type: 'Bearer',
      scope: 'api refresh_token',
      issued_at: String(Date.now()),
      signature: 'emulated',
    },
  };
}
