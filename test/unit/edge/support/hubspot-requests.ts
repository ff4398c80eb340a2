/**
 * HubSpot requests as HubSpot sends them. The signer here follows HubSpot's published recipe with
 * node:crypto directly, not crmflow's own signature code, so the edge is checked against the
 * recipe rather than against itself.
 */
import { createHash, createHmac } from 'node:crypto';
import type { EdgeDeps, WebhookRequest } from '../../../../lib/edge/index.ts';
import { MemoryQueue, NOW, fixedClock } from './edge-harness.ts';

/** Shaped like HubSpot's client secrets (a UUID). */
export const CLIENT_SECRET = 'c5e0a2d4-7f1b-4e3a-9b8c-1d2e3f4a5b6c';
export const PORTAL_ID = '62515';
export const OTHER_PORTAL_ID = '99887';
export const API_KEY = { header: 'X-Crmflow-Key', value: 'wk_9fQ2rT7yU4iO1pA6sD3fG8hJ' } as const;
export const HOST = 'hooks.example.com';
export const WEBHOOKS_PATH = '/webhooks/hubspot';
export const TICKETS_PATH = '/webhooks/hubspot/workflow/tickets';
export const ORDERS_PATH = '/webhooks/hubspot/workflow/orders';

/** The v3 source string's URI: HubSpot's table of escapes it decodes (see lib/crm/hubspot/webhooks/signed-uri.ts). */
const DECODE: [RegExp, string][] = [
  [/%3A/gi, ':'],
  [/%2F/gi, '/'],
  [/%3F/gi, '?'],
  [/%40/gi, '@'],
  [/%21/gi, '!'],
  [/%24/gi, '$'],
  [/%27/gi, "'"],
  [/%28/gi, '('],
  [/%29/gi, ')'],
  [/%2A/gi, '*'],
  [/%2C/gi, ','],
  [/%3B/gi, ';'],
];
const decodedForV3 = (uri: string) =>
  DECODE.reduce((text, [escape, character]) => text.replace(escape, character), uri);

export const v3 = (secret: string, method: string, uri: string, body: string | Buffer, timestamp: string) =>
  createHmac('sha256', secret)
    .update(`${method}${decodedForV3(uri)}`)
    .update(body)
    .update(timestamp)
    .digest('base64');
export const v2 = (secret: string, method: string, uri: string, body: string | Buffer) =>
  createHash('sha256').update(`${secret}${method}${uri}`).update(body).digest('hex');
export const v1 = (secret: string, body: string | Buffer) =>
  createHash('sha256').update(secret).update(body).digest('hex');

export interface HubSpotRequestOptions {
  readonly path?: string;
  readonly query?: string;
  /** The URL HubSpot signs; defaults to https://HOST + path + query. */
  readonly signedUri?: string;
  /** Unix milliseconds. */
  readonly timestamp?: number;
  readonly secret?: string;
  /** Which signatures to send: HubSpot's webhooks API sends v3 and v1 together. */
  readonly versions?: readonly ('v1' | 'v2' | 'v3')[];
  readonly headers?: Record<string, string | undefined>;
}

/** A POST as HubSpot sends it through API Gateway: https, Host, signed. */
export function hubspotRequest(body: string | Buffer, options: HubSpotRequestOptions = {}): WebhookRequest {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const path = options.path ?? WEBHOOKS_PATH;
  const uri = options.signedUri ?? `https://${HOST}${path}${options.query === undefined ? '' : `?${options.query}`}`;
  const timestamp = String(options.timestamp ?? NOW);
  const secret = options.secret ?? CLIENT_SECRET;
  const versions = options.versions ?? ['v3', 'v1'];
  const legacy = versions.includes('v2') ? 'v2' : versions.includes('v1') ? 'v1' : undefined;
  return {
    method: 'POST',
    path,
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: {
      'content-type': 'application/json',
      host: HOST,
      'x-forwarded-proto': 'https',
      ...(versions.includes('v3')
        ? {
            'x-hubspot-signature-v3': v3(secret, 'POST', uri, rawBody, timestamp),
            'x-hubspot-request-timestamp': timestamp,
          }
        : {}),
      ...(legacy === undefined
        ? {}
        : {
            'x-hubspot-signature-version': legacy,
            'x-hubspot-signature': legacy === 'v1' ? v1(secret, rawBody) : v2(secret, 'POST', uri, rawBody),
          }),
      ...options.headers,
    },
    rawBody,
  };
}

/** A workflow action's POST authenticated with the API key header instead of a signature. */
export function apiKeyRequest(body: string, path = TICKETS_PATH, key: string = API_KEY.value): WebhookRequest {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', host: HOST, 'x-forwarded-proto': 'https', 'x-crmflow-key': key },
    rawBody: Buffer.from(body, 'utf8'),
  };
}

/** One webhooks API event; override what a test is about. */
export const hubspotEvent = (overrides: Record<string, unknown> = {}) => ({
  eventId: 1796194001,
  subscriptionId: 2345678,
  portalId: Number(PORTAL_ID),
  appId: 987654,
  occurredAt: NOW - 2_000,
  subscriptionType: 'ticket.propertyChange',
  attemptNumber: 0,
  objectId: 65059681032,
  propertyName: 'hs_pipeline_stage',
  propertyValue: '4',
  changeSource: 'CRM_UI',
  ...overrides,
});

/** A ticket created, a ticket moved to "closed", an order created: one batch. */
export const THREE_EVENTS = JSON.stringify([
  hubspotEvent({
    eventId: 101,
    subscriptionType: 'ticket.creation',
    propertyName: undefined,
    propertyValue: undefined,
  }),
  hubspotEvent({ eventId: 102 }),
  hubspotEvent({
    eventId: 103,
    subscriptionType: 'object.creation',
    objectTypeId: '0-123',
    objectId: 41234567,
    propertyName: undefined,
    propertyValue: undefined,
  }),
]);

/** A ticket workflow's body with "include all properties"-style values. */
export const TICKET_PROPERTIES = JSON.stringify({
  hs_object_id: '65059681032',
  subject: 'Parcel arrived damaged',
  hs_pipeline_stage: '1',
  hs_ticket_priority: 'HIGH',
  hubspot_owner_id: '109',
  hs_lastmodifieddate: '2026-12-02T06:59:58.000Z',
});

export function hubspotDeps(overrides: Partial<EdgeDeps> = {}): EdgeDeps {
  return {
    config: { hubspot: { portalId: PORTAL_ID } },
    secrets: { hubspotClientSecret: CLIENT_SECRET, hubspotWorkflowApiKey: API_KEY },
    queue: new MemoryQueue(),
    clock: fixedClock(),
    ...overrides,
  };
}
