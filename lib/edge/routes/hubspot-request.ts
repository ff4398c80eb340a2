import type { HubSpotSignedRequest } from '../../crm/hubspot/webhooks/index.ts';
import { isPublicBaseUrl, publicUri } from '../public-uri.ts';
import type { EdgeDeps, WebhookRequest } from '../types.ts';
import { refuse, type Refused } from '../verdict.ts';

/** Whether the deployment's public base URL, if it set one, can be used to rebuild signed URLs. */
export const publicBaseUsable = (deps: EdgeDeps): boolean =>
  deps.publicBaseUrl === undefined || isPublicBaseUrl(deps.publicBaseUrl);

/** The parts of a request HubSpot signs, with the URL as HubSpot called it (lib/edge/README.md). */
export function hubspotSignedRequest(request: WebhookRequest, deps: EdgeDeps): HubSpotSignedRequest | Refused {
  const uri = publicUri(request, deps.publicBaseUrl);
  if (uri === undefined) {
    return refuse(
      'bad_signature',
      'the URL HubSpot signed is unknown: the request has no Host header and no publicBaseUrl is set',
    );
  }
  return { method: request.method, uri, headers: request.headers, rawBody: request.rawBody };
}

export const isRefused = (value: HubSpotSignedRequest | Refused): value is Refused => 'accepted' in value;
