import type { Clock } from '../../../core/ports/clock.ts';
import type { Instant } from '../../../core/time/instant.ts';
import { listen } from '../listen.ts';
import { Sessions, type OAuthApp } from '../sessions.ts';
import type { DeliveryOutcome, RetryPolicy } from '../ordered-delivery.ts';
import type { FaultHook } from './faults.ts';
import { createHttpHandler } from './http-handler.ts';
import { SalesforceOrg } from './org.ts';
import { startOutboundMessages, type OutboundMessage, type OutboundMessages } from './outbound/outbound-sender.ts';
import { createRestApi } from './rest/api.ts';

export interface SalesforceEmulatorOptions {
  readonly clock: Clock;
  readonly orgId: string;
  /** Where Outbound Messages go; none are sent without it. */
  readonly outboundUrl?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The bearer token the API accepts; default `crmflow-emulator-token`. */
  readonly accessToken?: string;
  /** The OAuth app whose refresh token renews sessions; default EMULATOR_OAUTH_APP. */
  readonly oauth?: OAuthApp;
  readonly faults?: FaultHook;
  /** Sleep on a virtual clock between Outbound Message retries; `signal` aborts when the emulator closes. */
  readonly sleepUntil?: (at: Instant, signal: AbortSignal) => Promise<unknown>;
  /** Told about each stretch of delivery work, so a virtual clock waits for it. */
  readonly track?: (work: Promise<unknown>) => unknown;
  /** Rows per query page; default 2000 like Salesforce. */
  readonly queryBatchSize?: number;
  readonly outboundRetry?: RetryPolicy;
  readonly outboundObjects?: readonly string[];
  readonly onOutbound?: (outcome: DeliveryOutcome<OutboundMessage>) => void;
  /** An org already seeded; default a fresh one. */
  readonly org?: SalesforceOrg;
}

export interface SalesforceEmulator {
  /** `http://127.0.0.1:<port>`: jsforce's instanceUrl. */
  readonly url: string;
  readonly org: SalesforceOrg;
  /** The newest access token issued. */
  readonly accessToken: string;
  /** The OAuth app (client id and secret, refresh token) the token endpoint renews sessions for. */
  readonly oauth: OAuthApp;
  /** Ends every session: the API answers 401 until the token endpoint issues a new token. */
  expireSessions(): void;
  /** Makes the API accept another token only (a session that expired and was renewed). */
  setAccessToken(token: string): void;
  /** Resolves when no Outbound Message is queued. */
  outboundIdle(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_ACCESS_TOKEN = 'crmflow-emulator-token';

/** A Salesforce org on loopback: the REST subset jsforce uses, and Outbound Messages on changes. */
export async function startSalesforceEmulator(options: SalesforceEmulatorOptions): Promise<SalesforceEmulator> {
  const org = options.org ?? new SalesforceOrg({ orgId: options.orgId, clock: options.clock });
  const sessions = new Sessions(options.accessToken ?? DEFAULT_ACCESS_TOKEN, options.oauth);
  const api = createRestApi(org, { batchSize: options.queryBatchSize ?? 2000 });
  const handler = createHttpHandler({
    api,
    sessions,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const server = await listen((request, response) => void handler(request, response), {
    ...(options.host ? { host: options.host } : {}),
    port: options.port ?? 0,
  });
  const outbound: OutboundMessages | undefined = options.outboundUrl
    ? startOutboundMessages({
        org,
        endpointUrl: options.outboundUrl,
        instanceUrl: server.url,
        clock: options.clock,
        ...(options.sleepUntil ? { sleepUntil: options.sleepUntil } : {}),
        ...(options.track ? { track: options.track } : {}),
        ...(options.outboundRetry ? { retry: options.outboundRetry } : {}),
        ...(options.outboundObjects ? { objects: options.outboundObjects } : {}),
        ...(options.onOutbound ? { onSettled: options.onOutbound } : {}),
      })
    : undefined;
  return {
    url: server.url,
    org,
    get accessToken() {
      return sessions.current;
    },
    oauth: sessions.app,
    expireSessions: () => sessions.expire(),
    setAccessToken: (next) => sessions.replace(next),
    outboundIdle: () => outbound?.whenIdle() ?? Promise.resolve(),
    close: async () => {
      outbound?.close();
      await server.close();
    },
  };
}
