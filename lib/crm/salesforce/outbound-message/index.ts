/** Salesforce Outbound Messages (SOAP 1.1): read safely, check, turn into CrmEvents, answer. */
export { BOOLEAN_FIELDS } from './field-types.ts';
export { isConfiguredOrganization } from './organization.ts';
export { MIN_PATH_TOKEN_LENGTH, pathTokenMatches } from './path-token.ts';
export { readOutboundMessage } from './read-outbound-message.ts';
export type { OutboundMessageRejection, OutboundMessageRejectionCode, OutboundResult } from './rejection.ts';
export { SOBJECT_TYPES, type OutboundMessage, type OutboundNotification, type SObjectType } from './schema.ts';
export { CRMFLOW_FAULT_NS, ackResponse, soapFault } from './soap-response.ts';
export { outboundMessageEvents, type OutboundEventOptions } from './to-crm-events.ts';
