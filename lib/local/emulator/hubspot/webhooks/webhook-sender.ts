import { OrderedDelivery, type DeliveryOutcome, type RetryPolicy } from '../../ordered-delivery.ts';
import type { EmulatorTiming } from '../../timing.ts';
import type { ObjectType } from '../object-types.ts';
import type { HubSpotPortal, PortalChangeEvent } from '../portal.ts';
import { eventsFor, type WebhookEvent } from './events.ts';
import { signatureHeaders } from './signature.ts';
import { subscriptionsFor } from './subscriptions.ts';

/**
 * HubSpot's documented retry: up to 10 attempts in all, spread over the next 24 hours. The
 * intervals are ours (HubSpot randomises them): 3 minutes doubling to 8 hours, ten tries in ~21 h.
 */
export const HUBSPOT_WEBHOOK_RETRY: RetryPolicy = {
  firstDelayMs: 3 * 60_000,
  maxDelayMs: 8 * 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  maxAttempts: 10,
};

/** HubSpot waits 5 seconds for an answer before it counts the attempt as failed. */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** HubSpot sends at most 100 events in one request. */
const MAX_EVENTS = 100;

/** One webhook request: events of one change of one record (its retries carry the same events). */
export interface WebhookDelivery {
  readonly objectType: ObjectType;
  readonly objectId: string;
  readonly events: readonly WebhookEvent[];
}

export interface WebhooksOptions extends EmulatorTiming {
  readonly portal: HubSpotPortal;
  /** Where the requests go (crmflow's webhook edge): the URI the v3 signature covers. */
  readonly targetUrl: string;
  readonly clientSecret: string;
  readonly appId: number;
  /** More properties to subscribe to, per object (the ones a config maps besides the defaults). */
  readonly subscribe?: Readonly<Partial<Record<ObjectType, readonly string[]>>>;
  readonly retry?: RetryPolicy;
  readonly timeoutMs?: number;
  readonly onSettled?: (outcome: DeliveryOutcome<WebhookDelivery>) => void;
}

export interface Webhooks {
  /** Resolves when no request is queued (one waiting for a retry is still queued). */
  whenIdle(): Promise<void>;
  close(): void;
}

/**
 * Webhooks as the webhooks API sends them to an app: the events of each change (≤ 100 a request),
 * signed, retried until a 2xx answer, in order per record. API writes send them too (`changeSource`
 * API), as HubSpot does for app subscriptions.
 */
export function startWebhooks(options: WebhooksOptions): Webhooks {
  const { portal, clock } = options;
  // Receivers dedupe on eventId for days, across restarts of the emulator too: count from the clock.
  let eventIds = Math.max(0, Math.floor(clock.now())) * 1000;
  const context = {
    portalId: Number(portal.portalId),
    appId: options.appId,
    subscriptions: subscriptionsFor(options.subscribe),
    catalog: portal.catalog,
    nextEventId: () => (eventIds += 1),
  };
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;

  const delivery = new OrderedDelivery<WebhookDelivery>({
    clock,
    ...(options.sleepUntil ? { sleepUntil: options.sleepUntil } : {}),
    ...(options.track ? { track: options.track } : {}),
    retry: options.retry ?? HUBSPOT_WEBHOOK_RETRY,
    ...(options.onSettled ? { onSettled: options.onSettled } : {}),
    send: async (message, signal, attempt) => {
      const body = JSON.stringify(message.events.map((event) => ({ ...event, attemptNumber: attempt - 1 })));
      const response = await fetch(options.targetUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) - WebhooksExecutorDaemon-executor',
          ...signatureHeaders(options.clientSecret, options.targetUrl, body, clock.now()),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      await response.arrayBuffer(); // drain, so the connection can be reused
      return response.status >= 200 && response.status < 300;
    },
  });

  const unsubscribe = portal.onChange((change: PortalChangeEvent) => {
    const events = eventsFor(change, context);
    for (let start = 0; start < events.length; start += MAX_EVENTS) {
      delivery.enqueue(`${change.type}:${change.id}`, {
        objectType: change.type,
        objectId: change.id,
        events: events.slice(start, start + MAX_EVENTS),
      });
    }
  });

  return {
    whenIdle: () => delivery.whenIdle(),
    close: () => {
      unsubscribe();
      delivery.close();
    },
  };
}
