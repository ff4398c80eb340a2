import { apiKeyMatches, isUsableApiKey, presentedApiKey, type WorkflowApiKey } from './api-key.ts';
import { SIGNATURE_HEADER, SIGNATURE_V3_HEADER, headerValue } from './headers.ts';
import { ok, rejected, type HubSpotResult } from './rejection.ts';
import {
  MIN_CLIENT_SECRET_LENGTH,
  verifyHubSpotSignature,
  type HubSpotSignedRequest,
  type SignatureOptions,
  type VerifiedSignature,
} from './verify-signature.ts';

export interface WorkflowAuthOptions extends Omit<SignatureOptions, 'clientSecret'> {
  readonly clientSecret?: string;
  readonly apiKey?: WorkflowApiKey;
}

export type WorkflowAuth =
  { readonly method: 'signature'; readonly signature: VerifiedSignature } | { readonly method: 'api_key' };

/** Whether a workflow action can be authenticated at all on this deployment. */
export function canAuthenticateWorkflows(options: Pick<WorkflowAuthOptions, 'clientSecret' | 'apiKey'>): boolean {
  return usableSecret(options.clientSecret) !== undefined || isUsableApiKey(options.apiKey);
}

/**
 * A "Send a webhook" action is authenticated the way its admin chose: HubSpot's request signature
 * (judged whenever a signature header is there and a client secret is configured), else the API
 * key header. A request carrying both is judged by its signature, the one that resists replays.
 */
export function authenticateWorkflow(
  request: HubSpotSignedRequest,
  options: WorkflowAuthOptions,
): HubSpotResult<WorkflowAuth> {
  const clientSecret = usableSecret(options.clientSecret);
  const signed =
    headerValue(request.headers, SIGNATURE_V3_HEADER) !== undefined ||
    headerValue(request.headers, SIGNATURE_HEADER) !== undefined;
  if (clientSecret !== undefined && signed) {
    const signature = verifyHubSpotSignature(request, { ...options, clientSecret });
    return signature.ok ? ok({ method: 'signature', signature: signature.value }) : signature;
  }
  const presented = isUsableApiKey(options.apiKey) ? presentedApiKey(request.headers, options.apiKey) : undefined;
  if (options.apiKey !== undefined && presented !== undefined) {
    return apiKeyMatches(presented, options.apiKey)
      ? ok({ method: 'api_key' })
      : rejected('bad_api_key', 'the API key header does not hold the key configured for workflow webhooks');
  }
  const expected = [
    ...(clientSecret === undefined ? [] : ['X-HubSpot-Signature-v3 with X-HubSpot-Request-Timestamp']),
    ...(isUsableApiKey(options.apiKey) ? ['the API key header set up for workflow webhooks'] : []),
  ];
  return rejected('missing_signature', `send ${expected.join(', or ')}`);
}

const usableSecret = (secret: string | undefined): string | undefined =>
  secret !== undefined && secret.length >= MIN_CLIENT_SECRET_LENGTH ? secret : undefined;
