import {
  MIN_PATH_TOKEN_LENGTH,
  ackResponse,
  isConfiguredOrganization,
  outboundMessageEvents,
  pathTokenMatches,
  readOutboundMessage,
} from '../../crm/salesforce/outbound-message/index.ts';
import { XML_MEDIA_TYPES, checkBody } from '../body-checks.ts';
import { xmlResponse } from '../responses.ts';
import type { EdgeCrmConfig } from '../types.ts';
import { accept, refuse } from '../verdict.ts';
import type { Route } from './route.ts';

const PATH = /^\/webhooks\/salesforce\/outbound\/([^/]+)$/;

/**
 * `POST /webhooks/salesforce/outbound/<pathToken>`: Outbound Messages (SOAP). They carry no
 * signature, so authenticity is the secret path token (checked first, before we read anything) and
 * the OrganizationId. Errors are SOAP Faults, which Salesforce can read back to the admin.
 */
export const salesforceOutboundRoute: Route = {
  name: 'salesforce.outbound',
  errors: 'soap',
  match(path) {
    const token = PATH.exec(path)?.[1];
    return token === undefined ? undefined : { token };
  },
  verify(request, params, deps, receivedAt) {
    const salesforce = deps.config.salesforce;
    const token = deps.secrets.salesforcePathToken;
    if (!salesforce || token === undefined || token.length < MIN_PATH_TOKEN_LENGTH) {
      return refuse('not_configured', 'Salesforce Outbound Messages are not set up on this deployment');
    }
    if (!pathTokenMatches(params.token ?? '', token)) {
      return refuse('bad_path_token', 'this is not the Outbound Message endpoint URL of this deployment');
    }
    const badBody = checkBody(request, XML_MEDIA_TYPES);
    if (badBody) return badBody;

    const message = readOutboundMessage(request.rawBody);
    if (!message.ok) return refuse(message.rejection.code, message.rejection.message);
    const orgId = message.value.organizationId;
    if (!isConfiguredOrganization(orgId, salesforce.orgId)) {
      return refuse('unknown_organization', 'OrganizationId is not the organization this deployment serves', orgId);
    }
    const events = outboundMessageEvents(message.value, { receivedAt, booleanFields: mappedCheckboxes(salesforce) });
    if (!events.ok) return refuse(events.rejection.code, events.rejection.message, orgId);
    return accept(events.value, xmlResponse(200, ackResponse()), orgId);
  },
};

/** Checkbox fields the admin mapped in config (e.g. `order.expedite: Rush__c`) read as booleans too. */
function mappedCheckboxes(salesforce: NonNullable<EdgeCrmConfig['salesforce']>): string[] {
  const fields = salesforce.fields ?? {};
  return [fields['order.expedite'], fields['contact.optedOut']].filter((name) => name !== undefined);
}
