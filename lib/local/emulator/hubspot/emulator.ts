import type { Clock } from '../../../core/ports/clock.ts';
import type { Instant } from '../../../core/time/instant.ts';
import { listen } from '../listen.ts';
import { Sessions, type OAuthApp } from '../sessions.ts';
import type { DeliveryOutcome, RetryPolicy } from '../ordered-delivery.ts';
import { createCrmApi } from './api/api.ts';
import type { FaultHook } from './faults.ts';
import { createHttpHandler } from './http-handler.ts';
import type { ObjectType } from './object-types.ts';
import { HubSpotPortal } from './portal.ts';
import { startWebhooks, type WebhookDelivery, type Webhooks } from './webhooks/webhook-sender.ts';

export interface HubSpotEmulatorOptions {
  readonly clock: Clock;
  readonly portalId: string;
  /** The app whose subscriptions the webhooks are; default 1160452. */
  readonly appId?: number;
  /** The app's client secret: what webhook signatures are made with. */
  readonly clientSecret: string;
  /** Where webhooks go; none are sent without it. */
  readonly webhookUrl?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The bearer token the API accepts (a private app's token); default `crmflow-emulator-token`. */
  readonly accessToken?: string;
  /** The OAuth app whose refresh token renews sessions; default EMULATOR_OAUTH_APP. */
  readonly oauth?: OAuthApp;
  readonly faults?: FaultHook;
  /** Sleep on a virtual clock between webhook retries; `signal` aborts when the emulator closes. */
  readonly sleepUntil?: (at: Instant, signal: AbortSignal) => Promise<unknown>;
  /** Told about each stretch of delivery work, so a virtual clock waits for it. */
  readonly track?: (work: Promise<unknown>) => unknown;
  /** More properties the app subscribes to, per object (properties a config maps). */
  readonly subscribe?: Readonly<Partial<Record<ObjectType, readonly string[]>>>;
  readonly webhookRetry?: RetryPolicy;
  readonly onWebhook?: (outcome: DeliveryOutcome<WebhookDelivery>) => void;
  /** A portal already seeded; default a fresh one. */
  readonly portal?: HubSpotPortal;
}

export interface HubSpotEmulator {
  /** `http://127.0.0.1:<port>`: the client's `basePath`. */
  readonly url: string;
  readonly portal: HubSpotPortal;
  /** The newest access token issued. */
  readonly accessToken: string;
  /** The OAuth app (client id and secret, refresh token) the token endpoint renews sessions for. */
  readonly oauth: OAuthApp;
  /** Ends every session: the API answers 401 until the token endpoint issues a new token. */
  expireSessions(): void;
  /** Makes the API accept another token only (a token that was rotated). */
  setAccessToken(token: string): void;
  /** Resolves when no webhook request is queued. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_ACCESS_TOKEN = 'crmflow-emulator-token';
export const DEFAULT_APP_ID = 1_160_452;

/** A HubSpot portal on loopback: the CRM API subset @hubspot/api-client uses, and signed webhooks. */
export async function startHubSpotEmulator(options: HubSpotEmulatorOptions): Promise<HubSpotEmulator> {
  const portal = options.portal ?? new HubSpotPortal({ portalId: options.portalId, clock: options.clock });
  const sessions = new Sessions(options.accessToken ?? DEFAULT_ACCESS_TOKEN, options.oauth);
  const handler = createHttpHandler({
    api: createCrmApi(portal),
    sessions,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const server = await listen((request, response) => void handler(request, response), {
    ...(options.host ? { host: options.host } : {}),
    port: options.port ?? 0,
  });
  const webhooks: Webhooks | undefined = options.webhookUrl
    ? startWebhooks({
        portal,
        targetUrl: options.webhookUrl,
        clientSecret: options.clientSecret,
        appId: options.appId ?? DEFAULT_APP_ID,
        clock: options.clock,
        ...(options.sleepUntil ? { sleepUntil: options.sleepUntil } : {}),
        ...(options.track ? { track: options.track } : {}),
        ...(options.subscribe ? { subscribe: options.subscribe } : {}),
        ...(options.webhookRetry ? { retry: options.webhookRetry } : {}),
        ...(options.onWebhook ? { onSettled: options.onWebhook } : {}),
      })
    : undefined;
  return {
    url: server.url,
    portal,
    get accessToken() {
      return sessions.current;
    },
    oauth: sessions.app,
    expireSessions: () => sessions.expire(),
    setAccessToken: (next) => sessions.replace(next),
    webhooksIdle: () => webhooks?.whenIdle() ?? Promise.resolve(),
    close: async () => {
      webhooks?.close();
      await server.close();
    },
  };
}
