import type { Sessions } from './sessions.ts';

/** What the fault hook sees of each API request (path without the query string). */
export interface FaultRequest {
  readonly method: string;
  readonly path: string;
  /** The query string, `?q=…`, or ''. */
  readonly query: string;
  readonly body: unknown;
}

export interface FaultResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * What a request can suffer besides an error answer:
 * - `crash-after-write`: performed, then a gateway error (the write happened, the caller cannot know);
 * - `expire-session`: the access token expires just before the request (401; a refresh renews it);
 * - `hang`: never answered, until the caller's own deadline gives up;
 * - `hang-after-write`: performed, then never answered (a timeout that lost the answer of a write).
 */
export type FaultAction = 'crash-after-write' | 'expire-session' | 'hang' | 'hang-after-write';

/**
 * Consulted once per API request of an emulated CRM, before anything else: a response to answer
 * instead, a FaultAction, or undefined to behave. Policy (which requests, how often) is the caller's.
 */
export type FaultHook = (request: FaultRequest) => FaultResponse | FaultAction | undefined;

/** The answer of a request that is never answered: the HTTP layer leaves the response open. */
export const NO_ANSWER = Symbol('no answer');

/** The outcome of a fault hook's call. */
export type Fault = ReturnType<FaultHook>;

/**
 * Serves one API request under its fault: an error answer instead, no answer, or a session ended
 * first; else `refuse` (the token check) may answer, and otherwise the request is performed — and,
 * for the after-write faults, its answer lost (`lostAnswer`) or never sent.
 */
export function serveUnderFault<Answer>(
  fault: Fault,
  serve: {
    readonly sessions: Sessions;
    readonly lostAnswer: FaultResponse;
    readonly refuse: () => Answer | undefined;
    readonly perform: () => Answer;
  },
): Answer | FaultResponse | typeof NO_ANSWER {
  if (typeof fault === 'object') return fault;
  if (fault === 'hang') return NO_ANSWER;
  if (fault === 'expire-session') serve.sessions.expire();
  const refused = serve.refuse();
  if (refused !== undefined) return refused;
  const answer = serve.perform();
  if (fault === 'hang-after-write') return NO_ANSWER;
  return fault === 'crash-after-write' ? serve.lostAnswer : answer;
}
