import {
  WORKFLOW_OBJECTS,
  authenticateWorkflow,
  canAuthenticateWorkflows,
  isConfiguredPortal,
  readWorkflowPayload,
} from '../../crm/hubspot/webhooks/index.ts';
import { JSON_MEDIA_TYPES, checkBody } from '../body-checks.ts';
import { emptyResponse } from '../responses.ts';
import { accept, refuse } from '../verdict.ts';
import { hubspotSignedRequest, isRefused, publicBaseUsable } from './hubspot-request.ts';
import type { Route } from './route.ts';

const PATH = /^\/webhooks\/hubspot\/workflow\/([a-z]+)$/;

/**
 * `POST /webhooks/hubspot/workflow/{tickets|orders}`: a workflow's "Send a webhook" action, one
 * record per request. Authenticated by HubSpot's signature (client secret) or by the API key
 * header the admin chose; the path says which kind of record the workflow enrols.
 */
export const hubspotWorkflowRoute: Route = {
  name: 'hubspot.workflow',
  errors: 'json',
  match(path) {
    const object = PATH.exec(path)?.[1];
    return object !== undefined && WORKFLOW_OBJECTS.has(object) ? { object } : undefined;
  },
  verify(request, params, deps, receivedAt) {
    const hubspot = deps.config.hubspot;
    const kind = WORKFLOW_OBJECTS.get(params.object ?? '');
    const credentials = { clientSecret: deps.secrets.hubspotClientSecret, apiKey: deps.secrets.hubspotWorkflowApiKey };
    if (!hubspot || kind === undefined || !canAuthenticateWorkflows(credentials) || !publicBaseUsable(deps)) {
      return refuse('not_configured', 'HubSpot workflow webhooks are not set up on this deployment');
    }
    const badBody = checkBody(request, JSON_MEDIA_TYPES);
    if (badBody) return badBody;

    const signedRequest = hubspotSignedRequest(request, deps);
    if (isRefused(signedRequest)) return signedRequest;
    const auth = authenticateWorkflow(signedRequest, {
      ...credentials,
      allowLegacySignatures: deps.allowLegacySignatures ?? false,
      now: receivedAt,
    });
    if (!auth.ok) return refuse(auth.rejection.code, auth.rejection.message);
    const deliveredAt =
      auth.value.method === 'signature' && auth.value.signature.version === 'v3'
        ? auth.value.signature.signedAt
        : receivedAt;
    const payload = readWorkflowPayload(request.rawBody, { kind, receivedAt, deliveredAt });
    if (!payload.ok) return refuse(payload.rejection.code, payload.rejection.message);
    const { event, portalId } = payload.value;
    if (portalId !== undefined && !isConfiguredPortal(portalId, hubspot.portalId)) {
      return refuse('unknown_portal', 'portalId is not the HubSpot account this deployment serves', portalId);
    }
    return accept([event], emptyResponse(200), hubspot.portalId);
  },
};
