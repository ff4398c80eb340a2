/** The Salesforce emulator: an in-memory org (seed and read it directly) behind the REST subset jsforce uses. */
export { startSalesforceEmulator, DEFAULT_ACCESS_TOKEN } from './emulator.ts';
export type { SalesforceEmulator, SalesforceEmulatorOptions } from './emulator.ts';
export { SalesforceOrg } from './org.ts';
export type { OrgChange, OrgChangeEvent, SfRecord, WriteSource, SalesforceOrgOptions } from './org.ts';
export type { ScenarioOwner } from './owners.ts';
export { SalesforceApiError } from './api-error.ts';
export { SERVER_UNAVAILABLE } from './faults.ts';
export type { FaultHook, FaultRequest, FaultResponse } from './faults.ts';
export { SALESFORCE_OUTBOUND_RETRY } from './outbound/outbound-sender.ts';
export type { OutboundMessage } from './outbound/outbound-sender.ts';
export { normalizeId } from './ids.ts';
export { sfDateTime } from './datetime.ts';
