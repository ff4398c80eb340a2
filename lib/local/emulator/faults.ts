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
 * Consulted once per API request of an emulated CRM, before anything else: a response to answer
 * instead, `'crash-after-write'` to perform the request and then answer a gateway error (the write
 * happened, the caller cannot know), or undefined to behave. Policy (which requests, how often) is
 * the caller's.
 */
export type FaultHook = (request: FaultRequest) => FaultResponse | 'crash-after-write' | undefined;
