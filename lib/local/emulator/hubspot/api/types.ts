import type { HubSpotPortal } from '../portal.ts';

/** One API call below `/crm`, parsed. */
export interface ApiRequest {
  readonly method: string;
  /** Path segments after `/crm`, decoded: `['v3', 'objects', 'tickets', '9001']`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiContext {
  readonly portal: HubSpotPortal;
}

export const json = (status: number, body: unknown): ApiResponse => ({ status, body });

export const noContent: ApiResponse = { status: 204 };
