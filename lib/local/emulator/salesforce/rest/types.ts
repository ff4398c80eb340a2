import type { SalesforceOrg } from '../org.ts';
import type { QueryCursors } from './query-cursors.ts';

/** One REST call below `/services/data/vNN.0`, parsed; composite subrequests are these too. */
export interface ApiRequest {
  readonly method: string;
  /** Path segments after the version, decoded: `['sobjects', 'Case', '500…']`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** `62.0`: answers link back with the version they were asked with. */
  readonly version: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiContext {
  readonly org: SalesforceOrg;
  readonly cursors: QueryCursors;
  /** Rows per query page when the caller does not ask (Salesforce: 2000). */
  readonly batchSize: number;
  /** The whole API again, for composite subrequests. */
  readonly dispatch: (request: ApiRequest) => ApiResponse;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

export const noContent: ApiResponse = { status: 204 };

export const apiBase = (version: string): string => `/services/data/v${version}`;
