import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from '../http-io.ts';
import { NO_ANSWER, serveUnderFault } from '../faults.ts';
import type { Sessions } from '../sessions.ts';
import { SERVER_UNAVAILABLE, type FaultHook } from './faults.ts';
import { tokenAnswer } from './oauth-token.ts';
import type { ApiRequest, ApiResponse } from './rest/types.ts';

const JSON_TYPE = 'application/json;charset=UTF-8';
const BODY_LIMIT = 10 * 1024 * 1024;
const API_PATH = /^\/services\/data\/v(\d+\.\d)(?:\/(.*))?$/;
const TOKEN_PATH = '/services/oauth2/token';
const DAILY_LIMIT = 15000;

const error = (status: number, errorCode: string, message: string): ApiResponse => ({
  status,
  body: [{ message, errorCode, fields: [] }],
});

export interface HttpHandlerOptions {
  readonly api: (request: ApiRequest) => ApiResponse;
  readonly sessions: Sessions;
  readonly faults?: FaultHook;
}

/**
 * HTTP in front of the REST API: body parsing, the fault hook, the bearer token, Salesforce's headers,
 * and the OAuth token endpoint that renews a session.
 */
export function createHttpHandler(options: HttpHandlerOptions) {
  let calls = 0;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let answer: ApiResponse | typeof NO_ANSWER;
    try {
      answer = await respond(request);
      // Left open: the caller's own deadline ends it (the server closes it at the latest).
      if (answer === NO_ANSWER) return;
    } catch (thrown) {
      answer = error(500, 'UNKNOWN_EXCEPTION', thrown instanceof Error ? thrown.message : String(thrown));
    }
    const headers: Record<string, string> = {
      'sforce-limit-info': `api-usage=${calls}/${DAILY_LIMIT}`,
      ...answer.headers,
    };
    send(response, answer.status, answer.body, headers['content-type'] ?? JSON_TYPE, headers);
  };

  async function respond(request: IncomingMessage): Promise<ApiResponse | typeof NO_ANSWER> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const method = (request.method ?? 'GET').toUpperCase();
    if (url.pathname === TOKEN_PATH && method === 'POST') {
      const form = await readBody(request, BODY_LIMIT);
      if (form === 'too-large') return error(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body is too large');
      return tokenAnswer(
        options.sessions,
        new URLSearchParams(form.toString('utf8')),
        `http://${request.headers.host}`,
      );
    }
    if (/^\/services\/data\/?$/.test(url.pathname)) {
      return { status: 200, body: [{ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' }] };
    }
    const match = API_PATH.exec(url.pathname);
    if (!match) return error(404, 'NOT_FOUND', 'The requested resource does not exist');
    const raw = await readBody(request, BODY_LIMIT);
    if (raw === 'too-large') return error(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body is too large');
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return error(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
      }
    }
    calls += 1;
    const fault = options.faults?.({ method, path: url.pathname, query: url.search, body });
    return serveUnderFault(fault, {
      sessions: options.sessions,
      lostAnswer: SERVER_UNAVAILABLE,
      refuse: () =>
        authorized(request.headers.authorization)
          ? undefined
          : error(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
      perform: () =>
        options.api({
          method: method === 'HEAD' ? 'GET' : method,
          segments: (match[2] ?? '')
            .split('/')
            .filter((s) => s.length > 0)
            .map(decodeURIComponent),
          query: url.searchParams,
          body,
          version: match[1] as string,
          headers: { 'sforce-query-options': header(request, 'sforce-query-options') },
        }),
    });
  }

  function authorized(authorization: string | undefined): boolean {
    const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? '')?.[1];
    return options.sessions.accepts(token);
  }
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};
