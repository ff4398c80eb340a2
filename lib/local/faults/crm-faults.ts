/**
 * The CRM side of a scenario's `faults`. A `crmErrors` fraction of API calls fail the ways each CRM
 * really fails and a client gets past: its retryable error answers, a timeout (no answer before the
 * adapter's deadline; for a write, half the time after the write was made) and an expired session
 * (401 until the adapter refreshes it). A `crashAfterCrmWrite` fraction of writes succeed in the CRM
 * but lose their answer.
 */
import type { CrmName } from '../../core/model/canonical.ts';
import type { FaultAction, FaultHook, FaultResponse } from '../emulator/faults.ts';
import { SERVICE_UNAVAILABLE, rateLimited } from '../emulator/hubspot/index.ts';
import { SERVER_UNAVAILABLE } from '../emulator/salesforce/index.ts';
import type { Faults } from '../scenario/schema.ts';
import type { FaultTally } from './tally.ts';

const REQUEST_LIMIT_EXCEEDED: FaultResponse = {
  status: 403,
  body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED', fields: [] }],
};

type CrmFault = FaultResponse | 'timeout' | 'expire-session';

const CRM_ERRORS: Readonly<Record<CrmName, readonly CrmFault[]>> = {
  salesforce: [SERVER_UNAVAILABLE, REQUEST_LIMIT_EXCEEDED, 'timeout', 'expire-session'],
  hubspot: [rateLimited('TEN_SECONDLY_ROLLING'), SERVICE_UNAVAILABLE, 'timeout', 'expire-session'],
};

export function crmFaultHook(
  crm: CrmName,
  faults: Faults,
  random: () => number,
  tally: FaultTally,
): FaultHook | undefined {
  const { crmErrors = 0, crashAfterCrmWrite = 0 } = faults;
  if (crmErrors === 0 && crashAfterCrmWrite === 0) return undefined;
  const errors = CRM_ERRORS[crm];
  return (request): FaultResponse | FaultAction | undefined => {
    const write = isWrite(request);
    if (crashAfterCrmWrite > 0 && write && random() < crashAfterCrmWrite) {
      tally.lostAnswers += 1;
      return 'crash-after-write';
    }
    if (crmErrors === 0 || random() >= crmErrors) return undefined;
    const error = errors[Math.floor(random() * errors.length)] as CrmFault;
    if (error === 'expire-session') {
      tally.expiredSessions += 1;
      return error;
    }
    if (error !== 'timeout') {
      tally.crmErrors += 1;
      return error;
    }
    tally.timeouts += 1;
    if (!write || random() >= 0.5) return 'hang';
    tally.timeoutsAfterWrite += 1;
    return 'hang-after-write';
  };
}

/** Reads that HubSpot sends as POST (search, batch read) are not writes. */
function isWrite(request: { method: string; path: string }): boolean {
  if (request.method === 'GET') return false;
  return !/\/search$|\/batch\/read$/.test(request.path);
}
