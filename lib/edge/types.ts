import type { Config } from '../core/config/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { EventQueue } from '../core/ports/queue.ts';

/** An HTTP request as the edge sees it, whoever carried it (API Gateway, the local server, a test). */
export interface WebhookRequest {
  readonly method: string;
  /**
   * The raw path, e.g. `/webhooks/salesforce/events`. It may hold a secret: never log it. A carrier
   * that does not split off the query (a Node server's `req.url`) may leave `?…` on it: the edge
   * splits it before routing.
   */
  readonly path: string;
  /** The raw query string, without `?`, exactly as received (HubSpot signs it); absent when there is none. */
  readonly query?: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body exactly as sent: signatures are computed over these bytes. */
  readonly rawBody: Buffer;
}

export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The `crm` part of the validated config. */
export type EdgeCrmConfig = Config['crm'];

/** Secrets the edge checks requests against; a missing one leaves its route `not_configured`. */
export interface EdgeSecrets {
  /** The last path segment of the Outbound Message endpoint URL (at least 24 URL-safe characters). */
  readonly salesforcePathToken?: string;
  /** The HMAC key Apex/Flow callouts sign with (at least 32 characters). */
  readonly salesforceHmacSecret?: string;
  /** The HubSpot app's client secret: the key of its request signatures (at least 32 characters). */
  readonly hubspotClientSecret?: string;
  /**
   * The API key workflow "Send a webhook" actions may send instead of a signature: the header the
   * admin named in the action, and the key (at least 24 characters).
   */
  readonly hubspotWorkflowApiKey?: { readonly header: string; readonly value: string };
}

/** Structured logging, satisfied by Powertools' Logger. Attributes never hold payload values. */
export interface EdgeLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

export interface EdgeDeps {
  readonly config: EdgeCrmConfig;
  readonly secrets: EdgeSecrets;
  readonly queue: EventQueue;
  readonly clock: Clock;
  readonly logger?: EdgeLogger;
  /**
   * The edge's URL as senders call it — `https://hooks.example.com`, plus any base path in front of
   * `/webhooks/…` — since HubSpot signs the URL it called, and behind API Gateway or a proxy the
   * request alone may not tell it. Without it, the URL is rebuilt from `Host` and `X-Forwarded-Proto`.
   */
  readonly publicBaseUrl?: string;
  /**
   * Accept HubSpot's v1/v2 signatures when a request has no v3 one. They sign no timestamp, so a
   * captured request can be replayed forever: default false.
   */
  readonly allowLegacySignatures?: boolean;
}
