import {
  MIN_CLIENT_SECRET_LENGTH,
  foreignPortal,
  readWebhookBatch,
  verifyHubSpotSignature,
  webhookBatchEvents,
} from '../../crm/hubspot/webhooks/index.ts';
import { JSON_MEDIA_TYPES, checkBody } from '../body-checks.ts';
import { emptyResponse } from '../responses.ts';
import { accept, refuse } from '../verdict.ts';
import { hubspotSignedRequest, isRefused, publicBaseUsable } from './hubspot-request.ts';
import type { Route } from './route.ts';

/**
 * `POST /webhooks/hubspot`: the app's webhooks API batches (lib/crm/hubspot/webhooks/README.md).
 * Signed with the app's client secret (v3; v1/v2 only with allowLegacySignatures), and every event
 * must come from the configured portal: one app can be installed in many.
 */
export const hubspotWebhooksRoute: Route = {
  name: 'hubspot.webhooks',
  errors: 'json',
  match: (path) => (path === '/webhooks/hubspot' ? {} : undefined),
  verify(request, _params, deps, receivedAt) {
    const hubspot = deps.config.hubspot;
    const clientSecret = deps.secrets.hubspotClientSecret;
    if (
      !hubspot ||
      clientSecret === undefined ||
      clientSecret.length < MIN_CLIENT_SECRET_LENGTH ||
      !publicBaseUsable(deps)
    ) {
      return refuse('not_configured', 'HubSpot webhooks are not set up on this deployment');
    }
    const badBody = checkBody(request, JSON_MEDIA_TYPES);
    if (badBody) return badBody;

    const signedRequest = hubspotSignedRequest(request, deps);
    if (isRefused(signedRequest)) return signedRequest;
    const signed = verifyHubSpotSignature(signedRequest, {
      clientSecret,
      allowLegacySignatures: deps.allowLegacySignatures ?? false,
      now: receivedAt,
    });
    if (!signed.ok) return refuse(signed.rejection.code, signed.rejection.message);
    const batch = readWebhookBatch(request.rawBody);
    if (!batch.ok) return refuse(batch.rejection.code, batch.rejection.message);
    const foreign = foreignPortal(batch.value, hubspot.portalId);
    if (foreign !== undefined) {
      return refuse('unknown_portal', 'portalId is not the HubSpot account this deployment serves', foreign);
    }
    // HubSpot reads only the status, and times out after a few seconds: answer bare, at once.
    return accept(webhookBatchEvents(batch.value, receivedAt), emptyResponse(200), hubspot.portalId);
  },
};
