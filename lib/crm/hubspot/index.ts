/** The HubSpot adapter: CrmPort on @hubspot/api-client, and the mapping of properties to canonical values. */
export { HubSpotCrm } from './hubspot-crm.ts';
export type { HubSpotCrmOptions } from './hubspot-crm.ts';
export { DEFAULT_BASE_PATH, DEFAULT_TIMEOUT_MS, createHubSpotClient } from './client.ts';
export { HubSpotCrmError, fromHttpResponse, fromTransportFailure, toCrmError } from './errors.ts';
export { canonicalTicket, canonicalHubSpotOrder, nativeProperty, DEFAULT_PROPERTIES } from './mapping.ts';
export type { CanonicalTicket, CanonicalHubSpotOrder, HubSpotMapping } from './mapping.ts';
export { OBJECT_OF_KIND, DOCUMENTED_ASSOCIATION_TYPES } from './objects.ts';
export type { HubSpotObject } from './objects.ts';
export { actionKeyOf, withActionKey } from './action-key.ts';
