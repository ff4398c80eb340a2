import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from '../http-io.ts';
import { HubSpotApiError } from './api-error.ts';
import type { ApiFailure } from './api/api.ts';
import type { ApiRequest, ApiResponse } from './api/types.ts';
import { NO_ANSWER, serveUnderFault } from '../faults.ts';
import type { Sessions } from '../sessions.ts';
import { BAD_GATEWAY, type FaultHook } from './faults.ts';
import { tokenAnswer } from './oauth-token.ts';

/** HubSpot's own spelling of the JSON content type. */
export const JSON_TYPE = 'application/json;charset=utf-8';
const BODY_LIMIT = 10 * 1024 * 1024;
const CRM_PATH = /^\/crm(?:\/(.*))?$/;
const TOKEN_PATH = '/oauth/v1/token';

export interface HttpHandlerOptions {
  readonly api: (request: ApiRequest) => ApiResponse | ApiFailure;
  readonly sessions: Sessions;
  readonly faults?: FaultHook;
}

/**
 * HTTP in front of the CRM API: body parsing, the fault hook, the bearer token, HubSpot's headers, and
 * the OAuth token endpoint that renews an access token.
 */
export function createHttpHandler(options: HttpHandlerOptions) {
  let requests = 0;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    requests += 1;
    const correlationId = `00000000-0000-4000-8000-${String(requests).padStart(12, '0')}`;
    let answer: ApiResponse | ApiFailure | typeof NO_ANSWER;
    try {
      answer = await respond(request);
      // Left open: the caller's own deadline ends it (the server closes it at the latest).
      if (answer === NO_ANSWER) return;
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

  async function respond(request: IncomingMessage): Promise<ApiResponse | ApiFailure | typeof NO_ANSWER> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const method = (request.method ?? 'GET').toUpperCase();
    if (url.pathname === TOKEN_PATH && method === 'POST') {
      const form = await readBody(request, BODY_LIMIT);
      if (form === 'too-large') return failure(413, 'VALIDATION_ERROR', 'The request body is too large');
      return tokenAnswer(options.sessions, new URLSearchParams(form.toString('utf8')));
    }
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
    return serveUnderFault(fault, {
      sessions: options.sessions,
      lostAnswer: BAD_GATEWAY,
      refuse: () =>
        authorized(request.headers.authorization)
          ? undefined
          : failure(
              401,
              'INVALID_AUTHENTICATION',
              'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
            ),
      perform: () =>
        options.api({
          method,
          segments: (match[1] ?? '')
            .split('/')
            .filter((segment) => segment.length > 0)
            .map(decodeURIComponent),
          query: url.searchParams,
          body,
        }),
    });
  }

  function authorized(authorization: string | undefined): boolean {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    return options.sessions.accepts(token);
  }
}

const failure = (status: number, category: string, message: string): ApiFailure => ({
  error: new HubSpotApiError(status, category, message),
});
