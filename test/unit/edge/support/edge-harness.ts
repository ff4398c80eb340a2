import type { CrmEvent } from '../../../../lib/core/model/crm-event.ts';
import type { Clock } from '../../../../lib/core/ports/clock.ts';
import type { EventQueue } from '../../../../lib/core/ports/queue.ts';
import { fromIso } from '../../../../lib/core/time/instant.ts';
import { signatureFor } from '../../../../lib/crm/signed-json/index.ts';
import type { EdgeDeps, EdgeLogger, WebhookRequest } from '../../../../lib/edge/index.ts';
import { ORG_ID } from './salesforce-messages.ts';

export const PATH_TOKEN = 'pT9x-4Jk2mQ8vR1sW6yZ0aB3cD5eF7gH';
export const HMAC_SECRET = 'test-secret-that-is-long-enough-to-use';
export const NOW = fromIso('2026-12-02T07:00:05Z');
export const NOW_SECONDS = NOW / 1000;
export const OUTBOUND_PATH = `/webhooks/salesforce/outbound/${PATH_TOKEN}`;
export const EVENTS_PATH = '/webhooks/salesforce/events';

/** An array-backed queue: what the edge handed over, in order. */
export class MemoryQueue implements EventQueue {
  readonly events: CrmEvent[] = [];
  enqueue(events: readonly CrmEvent[]): Promise<void> {
    this.events.push(...events);
    return Promise.resolve();
  }
}

/** A queue whose service is down. */
export const brokenQueue: EventQueue = { enqueue: () => Promise.reject(new Error('SQS unavailable')) };

export const fixedClock = (now = NOW): Clock => ({ now: () => now });

/** Keeps every log line, to check what the edge says and what it never says. */
export class RecordingLogger implements EdgeLogger {
  readonly lines: { level: string; message: string; attributes: Record<string, unknown> }[] = [];
  info(message: string, attributes: Record<string, unknown>) {
    this.lines.push({ level: 'info', message, attributes });
  }
  warn(message: string, attributes: Record<string, unknown>) {
    this.lines.push({ level: 'warn', message, attributes });
  }
  error(message: string, attributes: Record<string, unknown>) {
    this.lines.push({ level: 'error', message, attributes });
  }
}

export function edgeDeps(overrides: Partial<EdgeDeps> = {}): EdgeDeps & { queue: EventQueue } {
  return {
    config: { salesforce: { orgId: ORG_ID } },
    secrets: { salesforcePathToken: PATH_TOKEN, salesforceHmacSecret: HMAC_SECRET },
    queue: new MemoryQueue(),
    clock: fixedClock(),
    ...overrides,
  };
}

export function outboundRequest(body: string | Buffer, overrides: Partial<WebhookRequest> = {}): WebhookRequest {
  return {
    method: 'POST',
    path: OUTBOUND_PATH,
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
    rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    ...overrides,
  };
}

/** A callout signed as the README's Apex does it, at `timestamp` (unix seconds). */
export function signedRequest(
  body: string | Buffer,
  options: { timestamp?: number; secret?: string; headers?: Record<string, string | undefined> } = {},
): WebhookRequest {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const timestamp = String(options.timestamp ?? NOW_SECONDS);
  return {
    method: 'POST',
    path: EVENTS_PATH,
    headers: {
      'content-type': 'application/json',
      'x-crmflow-timestamp': timestamp,
      'x-crmflow-signature': signatureFor(options.secret ?? HMAC_SECRET, timestamp, rawBody),
      ...options.headers,
    },
    rawBody,
  };
}

/** One valid callout event; override what a test is about. */
export const calloutEvent = (overrides: Record<string, unknown> = {}) => ({
  id: 'a0B5g00000EvT01-1',
  object: 'Order',
  recordId: '8015g00000OrD01AAB',
  change: 'updated',
  occurredAt: '2026-12-02T06:59:58.000Z',
  fields: {
    Status: 'Activated',
    Expedite__c: true,
    Promised_Date__c: '2026-12-09',
    TotalAmount: 129.5,
    ShipToCity: null,
  },
  ...overrides,
});

/** The code an error response carries, whichever way it was told. */
export const errorCode = (response: { headers: Readonly<Record<string, string>> }) =>
  response.headers['x-crmflow-error'];
