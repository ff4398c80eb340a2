import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from '../http-io.ts';
import { SERVER_UNAVAILABLE, type FaultHook } from './faults.ts';
import type { ApiRequest, ApiResponse } from './rest/types.ts';

const JSON_TYPE = 'application/json;charset=UTF-8';
const BODY_LIMIT = 10 * 1024 * 1024;
const API_PATH = /^\/services\/data\/v(\d+\.\d)(?:\/(.*))?$/;
const DAILY_LIMIT = 15000;

const error = (status: number, errorCode: string, message: string): ApiResponse => ({
  status,
  body: [{ message, errorCode, fields: [] }],
});

export interface HttpHandlerOptions {
  readonly api: (request: ApiRequest) => ApiResponse;
  readonly accessToken: () => string;
  readonly faults?: FaultHook;
}

/** HTTP in front of the REST API: body parsing, the fault hook, the bearer token, Salesforce's headers. */
export function createHttpHandler(options: HttpHandlerOptions) {
  let calls = 0;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let answer: ApiResponse;
    try {
      answer = await respond(request);
    } catch (thrown) {
      answer = error(500, 'UNKNOWN_EXCEPTION', thrown instanceof Error ? thrown.message : String(thrown));
    }
    const headers: Record<string, string> = {
      'sforce-limit-info': `api-usage=${calls}/${DAILY_LIMIT}`,
      ...answer.headers,
    };
    send(response, answer.status, answer.body, headers['content-type'] ?? JSON_TYPE, headers);
  };

  async function respond(request: IncomingMessage): Promise<ApiResponse> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const method = (request.method ?? 'GET').toUpperCase();
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
    if (fault !== undefined && fault !== 'crash-after-write') return fault;
    if (!authorized(request.headers.authorization)) {
      return error(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    }
    const answer = options.api({
      method: method === 'HEAD' ? 'GET' : method,
      segments: (match[2] ?? '')
        .split('/')
        .filter((s) => s.length > 0)
        .map(decodeURIComponent),
      query: url.searchParams,
      body,
      version: match[1] as string,
      headers: { 'sforce-query-options': header(request, 'sforce-query-options') },
    });
    return fault === 'crash-after-write' ? SERVER_UNAVAILABLE : answer;
  }

  function authorized(authorization: string | undefined): boolean {
    const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? '')?.[1];
    return token !== undefined && token === options.accessToken();
  }
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};
