import type { FaultResponse } from '../faults.ts';

export type { FaultHook, FaultRequest, FaultResponse } from '../faults.ts';

/** What a request that reached HubSpot and lost its answer on the way back gets: a gateway error. */
export const BAD_GATEWAY: FaultResponse = {
  status: 502,
  body: {
    status: 'error',
    message: 'Bad Gateway',
    correlationId: '00000000-0000-4000-8000-000000000502',
    category: 'BAD_GATEWAY',
  },
};

export const SERVICE_UNAVAILABLE: FaultResponse = {
  status: 503,
  body: {
    status: 'error',
    message: 'Service Unavailable',
    correlationId: '00000000-0000-4000-8000-000000000503',
    category: 'SERVICE_UNAVAILABLE',
  },
};

/**
 * HubSpot's 429 as a burst limit answers it: `errorType: RATE_LIMIT` and the policy that tripped
 * (`TEN_SECONDLY_ROLLING` for the per-app burst limit, `SECONDLY` for search, `DAILY` for the day).
 */
export function rateLimited(policyName = 'TEN_SECONDLY_ROLLING'): FaultResponse {
  return {
    status: 429,
    body: {
      status: 'error',
      message: `You have reached your ${policyName.toLowerCase()} limit.`,
      errorType: 'RATE_LIMIT',
      correlationId: '00000000-0000-4000-8000-000000000429',
      policyName,
      groupName: 'publicapi:private-app',
      category: 'RATE_LIMITS',
    },
    headers: { 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-remaining': '0' },
  };
}
