import { Client } from '@hubspot/api-client';
import * as http from 'node:http';
import * as https from 'node:https';
import { fromHttpResponse } from './errors.ts';

export interface ClientOptions {
  /** A private app's access token, or an OAuth access token; none for the OAuth token endpoint. */
  readonly accessToken?: string;
  /** Where the API is: `https://api.hubapi.com` (the default) or the emulator's URL. */
  readonly basePath?: string;
  /** How long a request may go without an answer (idle time on its connection). */
  readonly timeoutMs?: number;
  /** A new access token when the API answers 401; without it a 401 is a permanent error. */
  readonly refreshAccessToken?: () => Promise<string>;
}

export const DEFAULT_BASE_PATH = 'https://api.hubapi.com';
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface HubSpotClient {
  readonly client: Client;
  /** Closes idle keep-alive connections. */
  close(): void;
}

interface ResponseContext {
  readonly httpStatusCode: number;
  readonly body: { text(): Promise<string> };
}

/**
 * The client on our terms. Its retry decorator stays off (`numberOfApiCallRetries: 0`): it is
 * process-global, retries POSTs on 5xx (a duplicate risk) and sleeps 10 s × attempt on 429 — the
 * workflow's Retry owns retries. Error answers are classified in a middleware, where the status is
 * still known (the client throws a bare SyntaxError for an empty JSON error body). Requests go through
 * an agent whose connections fail with a TimeoutError after `timeoutMs` without a byte.
 */
export function createHubSpotClient(options: ClientOptions): HubSpotClient {
  const basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
  const agent = deadlineAgent(basePath, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const client = new Client({
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    basePath,
    numberOfApiCallRetries: 0,
    httpAgent: agent,
    middleware: [
      {
        pre: (context: unknown) => context,
        post: async (context: unknown) => {
          const response = context as ResponseContext;
          if (response.httpStatusCode >= 400) {
            throw fromHttpResponse(response.httpStatusCode, await response.body.text());
          }
          return context;
        },
      },
    ],
  });
  return { client, close: () => agent.destroy() };
}

/** A keep-alive agent whose sockets are destroyed with a TimeoutError once idle for `timeoutMs`. */
function deadlineAgent(basePath: string, timeoutMs: number): http.Agent {
  const secure = new URL(basePath).protocol === 'https:';
  // `timeout` makes each socket's idle timer; the agent re-arms it when a socket is reused.
  const agent = secure
    ? new https.Agent({ keepAlive: true, timeout: timeoutMs })
    : new http.Agent({ keepAlive: true, timeout: timeoutMs });
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (connectOptions, callback) => {
    const socket = create(connectOptions, callback);
    socket?.on('timeout', () => {
      const error = new Error(`no answer from HubSpot within ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      socket.destroy(error);
    });
    return socket;
  };
  return agent;
}
