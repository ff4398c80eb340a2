/** What the fault hook sees of each API request (path without the query string). */
export interface FaultRequest {
  readonly method: string;
  readonly path: string;
  /** The query string, `?properties=…`, or ''. */
  readonly query: string;
  readonly body: unknown;
}

export interface FaultResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Consulted once per API request, before anything else: a response to answer instead,
 * `'crash-after-write'` to perform the request and then answer 502 (the write happened, the caller
 * cannot know), or undefined to behave. Policy (which requests, how often) is the caller's.
 */
export type FaultHook = (request: FaultRequest) => FaultResponse | 'crash-after-write' | undefined;

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
