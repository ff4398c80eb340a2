import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from '../http-io.ts';
import { HubSpotApiError } from './api-error.ts';
import type { ApiFailure } from './api/api.ts';
import type { ApiRequest, ApiResponse } from './api/types.ts';
import { BAD_GATEWAY, type FaultHook } from './faults.ts';

/** HubSpot's own spelling of the JSON content type. */
export const JSON_TYPE = 'application/json;charset=utf-8';
const BODY_LIMIT = 10 * 1024 * 1024;
const CRM_PATH = /^\/crm(?:\/(.*))?$/;

export interface HttpHandlerOptions {
  readonly api: (request: ApiRequest) => ApiResponse | ApiFailure;
  readonly accessToken: () => string;
  readonly faults?: FaultHook;
}

/** HTTP in front of the CRM API: body parsing, the fault hook, the bearer token, HubSpot's headers. */
export function createHttpHandler(options: HttpHandlerOptions) {
  let requests = 0;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    requests += 1;
    const correlationId = `00000000-0000-4000-8000-${String(requests).padStart(12, '0')}`;
    let answer: ApiResponse | ApiFailure;
    try {
      answer = await respond(request);
    } catch (thrown) {
      answer = failure(500, 'INTERNAL_ERROR', thrown instanceof Error ? thrown.message : String(thrown));
    }
    const { status, body, headers } =
      'error' in answer
        ? { status: answer.error.status, body: answer.error.toBody(correlationId), headers: {} }
        : answer;
    const all: Record<string, string> = { 'x-hubspot-correlation-id': correlationId, ...headers };
    send(response, status, body, all['content-type'] ?? JSON_TYPE, all);
  };

  async function respond(request: IncomingMessage): Promise<ApiResponse | ApiFailure> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const method = (request.method ?? 'GET').toUpperCase();
    const match = CRM_PATH.exec(url.pathname);
    if (!match) return failure(404, 'OBJECT_NOT_FOUND', 'Resource not found: no such route');
    const raw = await readBody(request, BODY_LIMIT);
    if (raw === 'too-large') return failure(413, 'VALIDATION_ERROR', 'The request body is too large');
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return failure(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1: the body is not JSON');
      }
    }
    const fault = options.faults?.({ method, path: url.pathname, query: url.search, body });
    if (fault !== undefined && fault !== 'crash-after-write') return fault;
    if (!authorized(request.headers.authorization)) {
      return failure(
        401,
        'INVALID_AUTHENTICATION',
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      );
    }
    const answer = options.api({
      method,
      segments: (match[1] ?? '')
        .split('/')
        .filter((segment) => segment.length > 0)
        .map(decodeURIComponent),
      query: url.searchParams,
      body,
    });
    return fault === 'crash-after-write' ? BAD_GATEWAY : answer;
  }

  function authorized(authorization: string | undefined): boolean {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    return token !== undefined && token === options.accessToken();
  }
}

const failure = (status: number, category: string, message: string): ApiFailure => ({
  error: new HubSpotApiError(status, category, message),
});
