/** The Salesforce adapter: CrmPort on jsforce, and the mapping of native fields to canonical ones. */
export { SalesforceCrm } from './salesforce-crm.ts';
export type { SalesforceCrmOptions } from './salesforce-crm.ts';
export { DEFAULT_API_VERSION, DEFAULT_TIMEOUT_MS } from './connection.ts';
export { canonicalCase, canonicalOrder, nativeField, DEFAULT_FIELDS } from './mapping.ts';
export type { CanonicalCase, CanonicalOrder, SalesforceMapping } from './mapping.ts';
export { SOBJECT_OF_KIND } from './objects.ts';
export { actionKeyOf, withActionKey } from '../shared/action-key.ts';
