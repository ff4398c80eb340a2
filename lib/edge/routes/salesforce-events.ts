import { MIN_SECRET_LENGTH, readSignedEvents, verifySignature } from '../../crm/signed-json/index.ts';
import { JSON_MEDIA_TYPES, checkBody } from '../body-checks.ts';
import { jsonResponse } from '../responses.ts';
import { accept, refuse } from '../verdict.ts';
import type { Route } from './route.ts';

/** `POST /webhooks/salesforce/events`: signed JSON callouts from Apex or Flow (lib/crm/signed-json/README.md). */
export const salesforceEventsRoute: Route = {
  name: 'salesforce.events',
  errors: 'json',
  match: (path) => (path === '/webhooks/salesforce/events' ? {} : undefined),
  verify(request, _params, deps, receivedAt) {
    const secret = deps.secrets.salesforceHmacSecret;
    if (!deps.config.salesforce || secret === undefined || secret.length < MIN_SECRET_LENGTH) {
      return refuse('not_configured', 'signed Salesforce callouts are not set up on this deployment');
    }
    const badBody = checkBody(request, JSON_MEDIA_TYPES);
    if (badBody) return badBody;

    const signed = verifySignature(request, secret, receivedAt);
    if (!signed.ok) return refuse(signed.rejection.code, signed.rejection.message);
    const events = readSignedEvents(request.rawBody, receivedAt);
    if (!events.ok) return refuse(events.rejection.code, events.rejection.message);
    // 202: queued for the router, not yet acted on.
    return accept(events.value, jsonResponse(202, { accepted: events.value.length }));
  },
};
