import type { Config } from '../core/config/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { EventQueue } from '../core/ports/queue.ts';

/** An HTTP request as the edge sees it, whoever carried it (API Gateway, the local server, a test). */
export interface WebhookRequest {
  readonly method: string;
  /** The raw path, e.g. `/webhooks/salesforce/events`. It may hold a secret: never log it. */
  readonly path: string;
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
}
