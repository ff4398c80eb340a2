/**
 * The CRM side of a scenario's `faults`: a fraction of API calls fail with the retryable errors each
 * CRM really sends, and a fraction of writes succeed in the CRM but lose their answer.
 */
import type { CrmName } from '../../core/model/canonical.ts';
import type { FaultHook, FaultResponse } from '../emulator/faults.ts';
import { SERVICE_UNAVAILABLE, rateLimited } from '../emulator/hubspot/index.ts';
import { SERVER_UNAVAILABLE } from '../emulator/salesforce/index.ts';
import type { Faults } from '../scenario/schema.ts';

const REQUEST_LIMIT_EXCEEDED: FaultResponse = {
  status: 403,
  body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED', fields: [] }],
};

const RETRYABLE: Readonly<Record<CrmName, readonly FaultResponse[]>> = {
  salesforce: [SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED],
  hubspot: [rateLimited('TEN_SECONDLY_ROLLING'), SERVICE_UNAVAILABLE],
};

export function crmFaultHook(crm: CrmName, faults: Faults, random: () => number): FaultHook | undefined {
  const { crmErrors = 0, crashAfterCrmWrite = 0 } = faults;
  if (crmErrors === 0 && crashAfterCrmWrite === 0) return undefined;
  const errors = RETRYABLE[crm];
  return (request) => {
    if (crashAfterCrmWrite > 0 && isWrite(request) && random() < crashAfterCrmWrite) return 'crash-after-write';
    if (crmErrors > 0 && random() < crmErrors) return errors[Math.floor(random() * errors.length)];
    return undefined;
  };
}

/** Reads that HubSpot sends as POST (search, batch read) are not writes. */
function isWrite(request: { method: string; path: string }): boolean {
  if (request.method === 'GET') return false;
  return !/\/search$|\/batch\/read$/.test(request.path);
}
