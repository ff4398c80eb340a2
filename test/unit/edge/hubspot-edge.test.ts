/** HubSpot through the edge, without Lambda: queued and answered 200, or refused with its own code and nothing queued. */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, handleWebhook, type EdgeDeps, type WebhookRequest } from '../../../lib/edge/index.ts';
import { MemoryQueue, NOW, RecordingLogger, brokenQueue, errorCode } from './support/edge-harness.ts';
import {
  API_KEY,
  CLIENT_SECRET,
  HOST,
  ORDERS_PATH,
  OTHER_PORTAL_ID,
  PORTAL_ID,
  THREE_EVENTS,
  TICKETS_PATH,
  TICKET_PROPERTIES,
  WEBHOOKS_PATH,
  apiKeyRequest,
  hubspotDeps,
  hubspotEvent,
  hubspotRequest,
  v3,
} from './support/hubspot-requests.ts';

async function send(request: WebhookRequest, overrides: Partial<EdgeDeps> = {}) {
  const queue = new MemoryQueue();
  const logger = new RecordingLogger();
  const response = await handleWebhook(request, hubspotDeps({ queue, logger, ...overrides }));
  return { response, queued: queue.events, logs: logger.lines };
}

const withHeaders = (request: WebhookRequest, headers: Record<string, string | undefined>): WebhookRequest => ({
  ...request,
  headers: { ...request.headers, ...headers },
});

describe('a webhooks API batch', () => {
  it('of 3 events is queued as 3 CrmEvents, then answered 200 with an empty body', async () => {
    const { response, queued, logs } = await send(hubspotRequest(THREE_EVENTS));
    expect(response).toEqual({
      status: 200,
      headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
      body: '',
    });
    expect(queued.map(({ id, kind, change }) => [id, kind, change])).toEqual([
      ['hubspot:101', 'case', 'created'],
      ['hubspot:102', 'case', 'updated'],
      ['hubspot:103', 'order', 'created'],
    ]);
    expect(queued.every((event) => event.crm === 'hubspot' && !event.complete && event.receivedAt === NOW)).toBe(true);
    expect(logs).toEqual([
      {
        level: 'info',
        message: 'webhook accepted',
        attributes: { route: 'hubspot.webhooks', events: 3, bytes: Buffer.byteLength(THREE_EVENTS), orgId: PORTAL_ID },
      },
    ]);
  });

  it('of events crmflow does not follow is answered 200 and queues nothing', async () => {
    const deals = JSON.stringify([hubspotEvent({ subscriptionType: 'deal.creation' })]);
    const { response, queued } = await send(hubspotRequest(deals));
    expect(response.status).toBe(200);
    expect(queued).toEqual([]);
  });

  it('is verified against the URL with its query, whether the carrier split it off or not', async () => {
    const split = hubspotRequest(THREE_EVENTS, { query: 'tenant=acme&x=%3A' });
    const whole = { ...split, path: `${WEBHOOKS_PATH}?tenant=acme&x=%3A` };
    delete (whole as { query?: string }).query;
    expect((await send(split)).response.status).toBe(200);
    expect((await send(whole)).response.status).toBe(200);
  });

  it('is verified against publicBaseUrl when the deployment sets one, whatever the Host header says', async () => {
    const request = hubspotRequest(THREE_EVENTS, { signedUri: `https://crm.example.com/base${WEBHOOKS_PATH}` });
    const behindProxy = withHeaders(request, { host: 'internal.local:8080', 'x-forwarded-proto': undefined });
    expect((await send(behindProxy, { publicBaseUrl: 'https://crm.example.com/base/' })).response.status).toBe(200);
    expect(errorCode((await send(behindProxy)).response)).toBe('bad_signature');
  });

  it('is verified against http:// when no proxy says https (the local server)', async () => {
    const local = hubspotRequest(THREE_EVENTS, { signedUri: `http://${HOST}${WEBHOOKS_PATH}` });
    expect((await send(withHeaders(local, { 'x-forwarded-proto': undefined }))).response.status).toBe(200);
    expect(errorCode((await send(local)).response)).toBe('bad_signature');
  });

  it('signed v1 only is accepted when the deployment allows legacy signatures', async () => {
    const { response, queued } = await send(hubspotRequest(THREE_EVENTS, { versions: ['v1'] }), {
      allowLegacySignatures: true,
    });
    expect(response.status).toBe(200);
    expect(queued).toHaveLength(3);
  });

  it('signed v2 only is accepted when allowed — over the URL as called', async () => {
    const request = hubspotRequest(THREE_EVENTS, { versions: ['v2'], query: 'a=1' });
    expect((await send(request, { allowLegacySignatures: true })).response.status).toBe(200);
  });
});

describe('a workflow action', () => {
  it('to /tickets, signed, is queued as one case event', async () => {
    const { response, queued } = await send(hubspotRequest(TICKET_PROPERTIES, { path: TICKETS_PATH }));
    expect(response).toMatchObject({ status: 200, body: '' });
    expect(queued).toEqual([
      expect.objectContaining({ crm: 'hubspot', kind: 'case', recordId: '65059681032', complete: false }),
    ]);
  });

  it('to /orders, with the API key, is queued as one order event', async () => {
    const body = JSON.stringify({ objectId: 41234567, hs_lastmodifieddate: '1796194798000' });
    const { response, queued } = await send(apiKeyRequest(body, ORDERS_PATH));
    expect(response.status).toBe(200);
    expect(queued).toEqual([
      expect.objectContaining({ kind: 'order', recordId: '41234567', occurredAt: 1796194798000 }),
    ]);
  });

  it('delivered twice with the same body is queued twice under one id, for the router to dedupe', async () => {
    const first = await send(hubspotRequest(TICKET_PROPERTIES, { path: TICKETS_PATH }));
    const retry = await send(hubspotRequest(TICKET_PROPERTIES, { path: TICKETS_PATH, timestamp: NOW - 60_000 }));
    expect(retry.queued[0]?.id).toBe(first.queued[0]?.id);
  });

  it('is accepted with the API key alone on a deployment without a client secret', async () => {
    const deps = { secrets: { hubspotWorkflowApiKey: API_KEY } };
    expect((await send(apiKeyRequest(TICKET_PROPERTIES), deps)).response.status).toBe(200);
  });
});

const signedBatch = (events: unknown[]) => hubspotRequest(JSON.stringify(events));

/** Each refusal: its status, its code (in the body and the header), and nothing queued. */
const rejections: [string, number, string, () => WebhookRequest, Partial<EdgeDeps>?][] = [
  [
    'a batch signed with another secret',
    401,
    'bad_signature',
    () => hubspotRequest(THREE_EVENTS, { secret: 'f0e1d2c3-b4a5-4968-8776-655443322110' }),
  ],
  [
    'a batch with one byte of its body changed',
    401,
    'bad_signature',
    () => {
      const request = hubspotRequest(THREE_EVENTS);
      return { ...request, rawBody: Buffer.from(THREE_EVENTS.replace('"4"', '"5"')) };
    },
  ],
  [
    'a batch signed for a URI with a different query',
    401,
    'bad_signature',
    () => ({ ...hubspotRequest(THREE_EVENTS, { query: 'tenant=acme' }), query: 'tenant=evil' }),
  ],
  [
    'a stale batch (a replay)',
    401,
    'stale_timestamp',
    () => hubspotRequest(THREE_EVENTS, { timestamp: NOW - 300_001 }),
  ],
  [
    'a batch signed too far in the future',
    401,
    'stale_timestamp',
    () => hubspotRequest(THREE_EVENTS, { timestamp: NOW + 120_000 }),
  ],
  ['an unsigned batch', 401, 'missing_signature', () => hubspotRequest(THREE_EVENTS, { versions: [] })],
  [
    'a batch signed v1 only, by default',
    401,
    'legacy_signature_refused',
    () => hubspotRequest(THREE_EVENTS, { versions: ['v1'] }),
  ],
  [
    'a batch signed v2 only, by default',
    401,
    'legacy_signature_refused',
    () => hubspotRequest(THREE_EVENTS, { versions: ['v2'] }),
  ],
  [
    'a batch without a Host header or publicBaseUrl',
    401,
    'bad_signature',
    () => withHeaders(hubspotRequest(THREE_EVENTS), { host: undefined }),
  ],
  [
    'a batch from another portal',
    403,
    'unknown_portal',
    () => signedBatch([hubspotEvent(), hubspotEvent({ eventId: 2, portalId: Number(OTHER_PORTAL_ID) })]),
  ],
  ['a signed batch that is not JSON', 400, 'malformed_json', () => hubspotRequest('[{"eventId": 1')],
  ['a signed batch of another shape', 422, 'invalid_payload', () => hubspotRequest('{"events": []}')],
  ['an oversized batch', 413, 'payload_too_large', () => hubspotRequest(Buffer.alloc(MAX_BODY_BYTES + 1, ' '))],
  [
    'a batch sent as a form',
    415,
    'unsupported_media_type',
    () => hubspotRequest(THREE_EVENTS, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  ],
  ['a batch fetched with GET', 405, 'method_not_allowed', () => ({ ...hubspotRequest(''), method: 'GET' })],
  [
    'a batch to a deployment without a client secret',
    404,
    'not_configured',
    () => hubspotRequest(THREE_EVENTS),
    { secrets: { hubspotWorkflowApiKey: API_KEY } },
  ],
  [
    'a batch to a deployment with a short client secret',
    404,
    'not_configured',
    () => hubspotRequest(THREE_EVENTS, { secret: 'short' }),
    { secrets: { hubspotClientSecret: 'short' } },
  ],
  [
    'a batch to a deployment without HubSpot',
    404,
    'not_configured',
    () => hubspotRequest(THREE_EVENTS),
    { config: { salesforce: { orgId: '00D5g000004XyZaEAK' } } },
  ],
  [
    'a batch to a deployment whose publicBaseUrl is not a base URL',
    404,
    'not_configured',
    () => hubspotRequest(THREE_EVENTS),
    { publicBaseUrl: 'hooks.example.com/?x=1' },
  ],
  [
    'a workflow action with a wrong API key',
    401,
    'bad_api_key',
    () => apiKeyRequest(TICKET_PROPERTIES, TICKETS_PATH, `${API_KEY.value.slice(0, -1)}x`),
  ],
  [
    'a workflow action with neither signature nor API key',
    401,
    'missing_signature',
    () => withHeaders(apiKeyRequest(TICKET_PROPERTIES), { 'x-crmflow-key': undefined }),
  ],
  [
    'a workflow action signed with another secret',
    401,
    'bad_signature',
    () => hubspotRequest(TICKET_PROPERTIES, { path: TICKETS_PATH, secret: 'f0e1d2c3-b4a5-4968-8776-655443322110' }),
  ],
  [
    'a stale signed workflow action',
    401,
    'stale_timestamp',
    () => hubspotRequest(TICKET_PROPERTIES, { path: TICKETS_PATH, timestamp: NOW - 600_000 }),
  ],
  [
    'a workflow action signed v2 only, by default',
    401,
    'legacy_signature_refused',
    () => hubspotRequest(TICKET_PROPERTIES, { path: TICKETS_PATH, versions: ['v2'] }),
  ],
  [
    'a workflow action naming another portal',
    403,
    'unknown_portal',
    () => apiKeyRequest(JSON.stringify({ hs_object_id: '42', portalId: OTHER_PORTAL_ID })),
  ],
  ['a workflow action without a record id', 422, 'invalid_payload', () => apiKeyRequest('{"subject": "Parcel"}')],
  ['a workflow action that is not JSON', 400, 'malformed_json', () => apiKeyRequest('subject=Parcel')],
  [
    'a workflow action to a deployment with neither secret nor API key',
    404,
    'not_configured',
    () => apiKeyRequest(TICKET_PROPERTIES),
    { secrets: {} },
  ],
  [
    'a workflow action to a deployment whose API key is too short',
    404,
    'not_configured',
    () => apiKeyRequest(TICKET_PROPERTIES, TICKETS_PATH, 'short'),
    { secrets: { hubspotWorkflowApiKey: { header: API_KEY.header, value: 'short' } } },
  ],
  [
    'a workflow action for deals',
    404,
    'not_found',
    () => apiKeyRequest(TICKET_PROPERTIES, '/webhooks/hubspot/workflow/deals'),
  ],
  [
    'a batch to a path with a trailing slash',
    404,
    'not_found',
    () => ({ ...hubspotRequest(THREE_EVENTS), path: `${WEBHOOKS_PATH}/` }),
  ],
];

describe.each(rejections)('%s', (_what, status, code, request, deps) => {
  it(`is refused ${status} ${code}, queues nothing, and logs only the code, route, status, size and portal`, async () => {
    const { response, queued, logs } = await send(request(), deps);
    expect(response.status).toBe(status);
    expect(errorCode(response)).toBe(code);
    expect(JSON.parse(response.body)).toEqual({ error: { code, message: expect.any(String) } });
    expect(queued).toEqual([]);
    expect(logs).toEqual([
      { level: 'warn', message: 'webhook refused', attributes: expect.objectContaining({ code, status }) },
    ]);
    const logKeys = Object.keys(logs[0]?.attributes ?? {});
    expect(logKeys.filter((key) => !['code', 'route', 'status', 'bytes', 'orgId'].includes(key))).toEqual([]);
    const told = JSON.stringify([logs, response.body]);
    for (const secret of [CLIENT_SECRET, API_KEY.value, 'hs_pipeline_stage', 'Parcel', '65059681032', HOST]) {
      expect(told).not.toContain(secret);
    }
  });
});

describe('how HubSpot refusals are told', () => {
  it('logs the portal a foreign batch claimed', async () => {
    const { logs } = await send(signedBatch([hubspotEvent({ portalId: Number(OTHER_PORTAL_ID) })]));
    expect(logs[0]?.attributes).toEqual({
      code: 'unknown_portal',
      route: 'hubspot.webhooks',
      status: 403,
      bytes: expect.any(Number),
      orgId: OTHER_PORTAL_ID,
    });
  });

  it('says why a legacy signature is refused', async () => {
    const { response } = await send(hubspotRequest(THREE_EVENTS, { versions: ['v1'] }));
    expect(JSON.parse(response.body).error.message).toMatch(/v3.*no timestamp/);
  });
});

describe('a queue that cannot take the events', () => {
  it('makes a batch fail 503 enqueue_failed, so HubSpot retries', async () => {
    const { response, logs } = await send(hubspotRequest(THREE_EVENTS), { queue: brokenQueue });
    expect(response.status).toBe(503);
    expect(errorCode(response)).toBe('enqueue_failed');
    expect(logs[0]).toMatchObject({ level: 'error', attributes: { code: 'enqueue_failed', events: 3 } });
  });

  it('makes a workflow action fail 503 enqueue_failed', async () => {
    const { response } = await send(apiKeyRequest(TICKET_PROPERTIES), { queue: brokenQueue });
    expect(errorCode(response)).toBe('enqueue_failed');
  });
});

describe('the signed URL of a workflow action', () => {
  it('is the workflow path, not the batch path', async () => {
    const uri = `https://${HOST}${WEBHOOKS_PATH}`;
    const request = hubspotRequest(TICKET_PROPERTIES, { path: TICKETS_PATH, signedUri: uri });
    expect(errorCode((await send(request)).response)).toBe('bad_signature');
    const v3Only = withHeaders(request, {
      'x-hubspot-signature-v3': v3(
        CLIENT_SECRET,
        'POST',
        `https://${HOST}${TICKETS_PATH}`,
        TICKET_PROPERTIES,
        String(NOW),
      ),
    });
    expect((await send(v3Only)).response.status).toBe(200);
  });
});
