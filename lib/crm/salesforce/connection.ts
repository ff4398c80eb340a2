import { Connection, type HttpRequest, type HttpRequestOptions, type HttpResponse, type StreamPromise } from 'jsforce';
import { CrmError } from '../../core/ports/crm.ts';
import { fromHttpResponse, fromTransportFailure, toCrmError } from './errors.ts';

export interface ConnectionOptions {
  /** `https://…my.salesforce.com`, no trailing slash (jsforce would build `//services/…`). */
  readonly instanceUrl: string;
  readonly accessToken: string;
  /** REST API version; jsforce would default to 50.0. */
  readonly apiVersion?: string;
  /** Per HTTP request; jsforce's own default is 30 minutes. */
  readonly timeoutMs?: number;
  /** A new access token when the API answers 401; without it a 401 is a permanent error. */
  readonly refreshAccessToken?: () => Promise<string>;
}

export const DEFAULT_API_VERSION = '62.0';
export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * A jsforce Connection on our terms. jsforce retries GETs and DELETEs five times over ~15 s and its
 * HttpApiError drops the HTTP status; we turn the retries off (workflows own retries) and classify
 * every error answer into a CrmError in the transport, where the status is still known. A 401 goes
 * back to jsforce for a session refresh, but only once per burst: jsforce itself would loop forever.
 */
export class SalesforceConnection {
  readonly conn: Connection;
  readonly #refresh: (() => Promise<string>) | undefined;
  /** Bumped by each refresh; a request remembers the generation of the token it was sent with. */
  #generation = 0;
  /** Whether the current token has been accepted at least once. */
  #verified = true;
  #refreshFailure: CrmError | undefined;

  constructor(options: ConnectionOptions) {
    this.#refresh = options.refreshAccessToken;
    this.conn = new Connection({
      instanceUrl: options.instanceUrl.replace(/\/+$/, ''),
      accessToken: options.accessToken,
      version: options.apiVersion ?? DEFAULT_API_VERSION,
      ...(this.#refresh ? { refreshFn: (_conn, callback) => void this.#refreshed(callback) } : {}),
    });
    this.#wrapTransport(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  /** Anything a call threw → CrmError (a failed refresh reports why it failed). */
  classify(error: unknown): CrmError {
    if (error instanceof Error && error.message.startsWith('Unable to refresh session') && this.#refreshFailure) {
      return this.#refreshFailure;
    }
    return toCrmError(error);
  }

  #wrapTransport(timeoutMs: number): void {
    const transport = this.conn._transport;
    const send = transport.httpRequest.bind(transport);
    transport.httpRequest = (request: HttpRequest, options?: HttpRequestOptions) => {
      const generation = this.#generation;
      const inner = send(request, { ...options, retry: { maxRetries: 0 }, timeout: timeoutMs });
      const checked = inner.then(
        (response) => this.#check(response, generation),
        (error: unknown) => {
          throw fromTransportFailure(error);
        },
      );
      // The shape of jsforce's StreamPromise (a promise with stream()); the class itself is not
      // reachable from ESM under every loader (jsforce's main exports only its default object).
      return Object.assign(checked, { stream: () => inner.stream() }) as StreamPromise<HttpResponse>;
    };
  }

  #check(response: HttpResponse, generation: number): HttpResponse {
    if (response.statusCode === 401) {
      const sentWithOldToken = generation < this.#generation;
      // jsforce resends a request that raced a refresh, and refreshes a token that worked before.
      if (this.#refresh && (sentWithOldToken || this.#verified)) return response;
      if (!this.#refresh) {
        throw new CrmError(
          'INVALID_SESSION_ID',
          'Salesforce refused the session (401) and no refresh is configured',
          false,
        );
      }
      // A token fresh from a refresh refused already: not in this burst (jsforce would loop), but the
      // next attempt may refresh again — the new session may have ended as soon as it began.
      this.#verified = true;
      throw new CrmError('INVALID_SESSION_ID', 'Salesforce refused the session even after refreshing it', true);
    }
    if (generation === this.#generation) this.#verified = true;
    if (response.statusCode >= 400) throw fromHttpResponse(response.statusCode, response.body);
    return response;
  }

  async #refreshed(callback: (error: Error | null, token?: string) => void): Promise<void> {
    const refresh = this.#refresh;
    if (!refresh) return callback(new Error('no refresh configured'));
    try {
      const token = await refresh();
      this.#generation += 1;
      this.#verified = false;
      this.#refreshFailure = undefined;
      callback(null, token);
    } catch (error) {
      const failure = toCrmError(error);
      this.#refreshFailure = new CrmError(
        failure.code === 'UNEXPECTED' ? 'INVALID_SESSION_ID' : failure.code,
        `Refreshing the Salesforce session failed: ${failure.message}`,
        failure.retryable,
      );
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
