/** Whatever reaches the HubSpot endpoints, the edge never crashes, never half-accepts, and queues only what was signed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleWebhook, type WebhookRequest } from '../../../lib/edge/index.ts';
import { MemoryQueue, NOW } from './support/edge-harness.ts';
import {
  HOST,
  PORTAL_ID,
  THREE_EVENTS,
  TICKETS_PATH,
  WEBHOOKS_PATH,
  apiKeyRequest,
  hubspotDeps,
  hubspotRequest,
} from './support/hubspot-requests.ts';

const runs = { numRuns: 500 };

async function outcome(request: WebhookRequest) {
  const queue = new MemoryQueue();
  const response = await handleWebhook(request, hubspotDeps({ queue }));
  return { status: response.status, code: response.headers['x-crmflow-error'], queued: queue.events };
}

async function refusedWithoutQueueing(request: WebhookRequest): Promise<void> {
  const { status, code, queued } = await outcome(request);
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(code).toMatch(/^[a-z_]+$/);
  expect(queued).toEqual([]);
}

/** Bytes that look like JSON part of the time, so the parser and the schema are reached, not just UTF-8. */
const jsonish = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  fc
    .array(
      fc.constantFrom(
        '[',
        ']',
        '{',
        '}',
        ',',
        ':',
        '"',
        '"eventId"',
        '"portalId"',
        '"objectId"',
        '1',
        '62515',
        'null',
        ' ',
      ),
      { maxLength: 200 },
    )
    .map((parts) => Buffer.from(parts.join(''), 'utf8')),
);

/** Events HubSpot could send, followed by crmflow or not. */
const event = fc.record({
  eventId: fc.nat(),
  subscriptionId: fc.nat(),
  portalId: fc.constant(Number(PORTAL_ID)),
  appId: fc.nat(),
  occurredAt: fc.integer({ min: 0, max: NOW }),
  subscriptionType: fc.constantFrom(
    'ticket.creation',
    'ticket.propertyChange',
    'ticket.deletion',
    'contact.propertyChange',
    'object.creation',
    'object.propertyChange',
    'deal.creation',
    'ticket.merge',
  ),
  attemptNumber: fc.nat({ max: 10 }),
  objectId: fc.oneof(fc.nat(), fc.nat().map(String)),
  objectTypeId: fc.option(fc.constantFrom('0-1', '0-5', '0-27', '0-123', '0-3', '2-999'), { nil: undefined }),
  propertyName: fc.option(fc.constantFrom('hs_pipeline_stage', 'subject', 'hs_ticket_priority'), { nil: undefined }),
  propertyValue: fc.option(fc.oneof(fc.string(), fc.constant(null)), { nil: undefined }),
  changeSource: fc.option(fc.constantFrom('CRM_UI', 'API', 'WORKFLOWS'), { nil: undefined }),
});
const batch = fc.array(event, { minLength: 1, maxLength: 20 }).map((events) => JSON.stringify(events));

/** Ways a request can be signed wrongly: another secret, a made-up value, another moment, another URL. */
const wrongSignature = fc.oneof(
  fc.constant((body: string) => hubspotRequest(body, { secret: 'a0000000-0000-4000-8000-000000000000' })),
  fc
    .base64String({ minLength: 1, maxLength: 60 })
    .map((made) => (body: string) => hubspotRequest(body, { headers: { 'x-hubspot-signature-v3': made } })),
  fc.integer({ min: 1, max: 300_000 }).map((skew) => (body: string) => {
    const request = hubspotRequest(body);
    return { ...request, headers: { ...request.headers, 'x-hubspot-request-timestamp': String(NOW - skew) } };
  }),
  fc
    .webPath()
    .filter((path) => path !== WEBHOOKS_PATH)
    .map((path) => (body: string) => hubspotRequest(body, { signedUri: `https://${HOST}${path}` })),
);

describe('the webhooks API endpoint', () => {
  it('refuses random bytes, correctly signed', async () => {
    await fc.assert(
      fc.asyncProperty(jsonish, (body) => refusedWithoutQueueing(hubspotRequest(body))),
      runs,
    );
  });

  it('refuses every truncation of a valid batch, correctly signed', async () => {
    const valid = Buffer.from(THREE_EVENTS, 'utf8');
    const cuts = fc.integer({ min: 0, max: valid.length - 1 }).map((length) => valid.subarray(0, length));
    await fc.assert(
      fc.asyncProperty(cuts, (body) => refusedWithoutQueueing(hubspotRequest(body))),
      runs,
    );
  });

  it('refuses any JSON value that is not a batch, correctly signed', async () => {
    const values = fc.jsonValue().filter((value) => !Array.isArray(value) || value.length === 0);
    await fc.assert(
      fc.asyncProperty(values, (value) => refusedWithoutQueueing(hubspotRequest(JSON.stringify(value) ?? 'null'))),
      runs,
    );
  });

  it('refuses valid-looking batches signed wrongly, 401, queueing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(batch, wrongSignature, async (body, sign) => {
        const { status, queued } = await outcome(sign(body));
        expect(status).toBe(401);
        expect(queued).toEqual([]);
      }),
      runs,
    );
  });

  it('queues exactly the followed events of a correctly signed batch', async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (body) => {
        const { status, queued } = await outcome(hubspotRequest(body));
        expect(status).toBe(200);
        const events = JSON.parse(body) as { eventId: number; subscriptionType: string; objectTypeId?: string }[];
        const followed = events.filter(
          ({ subscriptionType, objectTypeId }) =>
            /^(ticket|contact)\.(creation|propertyChange|deletion)$/.test(subscriptionType) ||
            (/^object\.(creation|propertyChange)$/.test(subscriptionType) &&
              ['0-1', '0-5', '0-27', '0-123'].includes(objectTypeId ?? '')),
        );
        expect(queued.map((queuedEvent) => queuedEvent.id)).toEqual(
          followed.map(({ eventId }) => `hubspot:${eventId}`),
        );
      }),
      runs,
    );
  });
});

describe('the workflow endpoint', () => {
  it('refuses random bytes, with the right API key', async () => {
    await fc.assert(
      fc.asyncProperty(jsonish, (body) => refusedWithoutQueueing({ ...apiKeyRequest(''), rawBody: body })),
      runs,
    );
  });

  it('never queues a body signed wrongly, and queues one event for one signed rightly', async () => {
    const properties = fc.dictionary(
      fc.stringMatching(/^[a-z][a-z_]{0,20}$/),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    );
    await fc.assert(
      fc.asyncProperty(properties, fc.nat(), fc.boolean(), async (fields, id, rightly) => {
        const body = JSON.stringify({ ...fields, hs_object_id: String(id) });
        const signedUri = `https://${HOST}${rightly ? TICKETS_PATH : WEBHOOKS_PATH}`;
        const request = hubspotRequest(body, { path: TICKETS_PATH, signedUri, versions: ['v3'] });
        const { status, queued } = await outcome(request);
        expect(status).toBe(rightly ? 200 : 401);
        expect(queued.map((queuedEvent) => queuedEvent.recordId)).toEqual(rightly ? [String(id)] : []);
      }),
      runs,
    );
  });
});
