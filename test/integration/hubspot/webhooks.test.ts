import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryOutcome } from '../../../lib/local/emulator/ordered-delivery.ts';
import type { HubSpotEmulatorOptions, WebhookDelivery } from '../../../lib/local/emulator/hubspot/index.ts';
import { eventually } from '../salesforce/support/manual-clock.ts';
import { AINO, CLIENT_SECRET, EERO, MAIJA, PORTAL_ID, startFixture, type Fixture } from './support/portal-fixture.ts';
import { startWebhookReceiver, type Received } from './support/webhook-receiver.ts';

/** HubSpot's v3 check, as its docs describe it: base64 HMAC-SHA256 of method + URI + body + timestamp. */
function v3Valid(received: Received, url: string): boolean {
  const timestamp = String(received.headers['x-hubspot-request-timestamp']);
  const expected = createHmac('sha256', CLIENT_SECRET)
    .update(`${received.method}${url}${received.raw}${timestamp}`, 'utf8')
    .digest();
  const given = Buffer.from(String(received.headers['x-hubspot-signature-v3']), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Webhooks as an app's endpoint receives them: batched per change, signed, retried until 2xx. */
describe('HubSpot emulator: webhooks', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0)) await close();
  });

  async function setup(
    status?: Parameters<typeof startWebhookReceiver>[0],
    more: Partial<HubSpotEmulatorOptions> = {},
  ) {
    const receiver = await startWebhookReceiver(status);
    const outcomes: DeliveryOutcome<WebhookDelivery>[] = [];
    const fx = await startFixture({
      webhookUrl: receiver.url,
      appId: 4242,
      onWebhook: (outcome) => outcomes.push(outcome),
      ...more,
    });
    cleanup.push(
      () => receiver.close(),
      () => fx.close(),
    );
    return { fx, receiver, outcomes };
  }

  const createTicket = (fx: Fixture, fields: Record<string, unknown> = {}) =>
    fx.emulator.portal.apply({
      op: 'create',
      type: 'tickets',
      id: '9001',
      fields: { subject: 'Router keeps rebooting', hs_ticket_priority: 'MEDIUM', hubspot_owner_id: AINO, ...fields },
    });

  it('sends a ticket’s creation and its subscribed properties as one signed JSON array', async () => {
    const { fx, receiver } = await setup();
    createTicket(fx, { contactId: MAIJA });
    await fx.emulator.webhooksIdle();
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received as [Received];
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-hubspot-request-timestamp']).toBe(String(fx.clock.now()));
    expect(v3Valid(request, receiver.url)).toBe(true);
    expect(request.headers['x-hubspot-signature-version']).toBe('v1');
    expect(request.headers['x-hubspot-signature']).toBe(
      createHash('sha256')
        .update(CLIENT_SECRET + request.raw)
        .digest('hex'),
    );
    const common = {
      portalId: Number(PORTAL_ID),
      appId: 4242,
      occurredAt: fx.clock.now(),
      attemptNumber: 0,
      objectId: 9001,
      changeSource: 'CRM_UI',
    };
    expect(request.events).toEqual([
      {
        ...common,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        subscriptionType: 'ticket.creation',
        changeFlag: 'CREATED',
      },
      ...[
        ['hs_pipeline', '0'],
        ['hs_pipeline_stage', '1'],
        ['hs_ticket_priority', 'MEDIUM'],
        ['hubspot_owner_id', AINO],
      ].map(([propertyName, propertyValue]) => ({
        ...common,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        subscriptionType: 'ticket.propertyChange',
        propertyName,
        propertyValue,
      })),
    ]);
    expect(new Set(request.events.map((event) => event.eventId)).size).toBe(5);
    expect(new Set(request.events.map((event) => event.subscriptionId)).size).toBe(5);
    expect(Object.keys(request.events[0] ?? {}).slice(0, 8)).toEqual([
      'eventId',
      'subscriptionId',
      'portalId',
      'appId',
      'occurredAt',
      'subscriptionType',
      'attemptNumber',
      'objectId',
    ]);
  });

  it('sends one propertyChange per subscribed property a change altered, nothing for the rest', async () => {
    const { fx, receiver } = await setup();
    createTicket(fx);
    await fx.emulator.webhooksIdle();
    fx.clock.advanceBy(60_000);
    fx.emulator.portal.apply({
      op: 'update',
      type: 'tickets',
      id: '9001',
      fields: {
        hs_pipeline_stage: '4',
        hubspot_owner_id: EERO,
        hs_ticket_priority: 'MEDIUM',
        content: 'not subscribed',
      },
    });
    fx.emulator.portal.apply({ op: 'update', type: 'tickets', id: '9001', fields: { content: 'still not' } });
    await fx.emulator.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.events.map((e) => [e.propertyName, e.propertyValue, e.occurredAt])).toEqual([
      ['hs_pipeline_stage', '4', fx.clock.now()],
      ['hubspot_owner_id', EERO, fx.clock.now()],
    ]);
  });

  it('sends orders and tasks as object.* events with their objectTypeId; API writes as changeSource API', async () => {
    const { fx, receiver } = await setup();
    const order = fx.emulator.portal.apply({
      op: 'create',
      type: 'orders',
      fields: { hs_order_name: 'Camping supplies', promised_date: '2026-12-09', expedite: true },
    });
    await fx.client.crm.objects.tasks.basicApi.create({
      properties: { hs_task_subject: 'Call', hs_timestamp: '2026-12-01T10:00:00Z', hs_task_status: 'WAITING' },
    });
    await fx.emulator.webhooksIdle();
    const [orderEvents, taskEvents] = receiver.received.map((request) => request.events);
    expect(orderEvents?.[0]).toMatchObject({
      subscriptionType: 'object.creation',
      objectTypeId: '0-123',
      objectId: Number(order.id),
      changeFlag: 'CREATED',
    });
    expect(orderEvents?.filter((e) => e.propertyName).map((e) => [e.propertyName, e.propertyValue])).toEqual([
      ['promised_date', String(Date.parse('2026-12-09T00:00:00Z'))], // dates travel as epoch milliseconds
      ['expedite', 'true'],
    ]);
    expect(taskEvents?.map((e) => [e.subscriptionType, e.objectTypeId, e.changeSource, e.sourceId])).toEqual([
      ['object.creation', '0-27', 'API', '4242'],
      ['object.propertyChange', '0-27', 'API', '4242'],
    ]);
  });

  it('sends deletions, and contacts as contact.* events', async () => {
    const { fx, receiver } = await setup();
    fx.emulator.portal.apply({ op: 'update', type: 'contacts', id: MAIJA, fields: { do_not_call: true } });
    createTicket(fx);
    fx.emulator.portal.apply({ op: 'delete', type: 'tickets', id: '9001' });
    await fx.emulator.webhooksIdle();
    const types = receiver.received.flatMap((request) => request.events.map((e) => e.subscriptionType));
    expect(types).toContain('contact.propertyChange');
    expect(receiver.received.at(-1)?.events).toEqual([
      expect.objectContaining({ subscriptionType: 'ticket.deletion', changeFlag: 'DELETED', objectId: 9001 }),
    ]);
  });

  it('sends at most 100 events a request', async () => {
    const extra = Array.from({ length: 120 }, (_, i) => `custom_${i}`);
    const { fx, receiver } = await setup(undefined, { subscribe: { contacts: extra } });
    fx.emulator.portal.apply({
      op: 'create',
      type: 'contacts',
      fields: Object.fromEntries(extra.map((name) => [name, 'x'])),
    });
    await fx.emulator.webhooksIdle();
    expect(receiver.received.map((request) => request.events.length)).toEqual([100, 21]);
  });

  it('retries on the clock until 2xx, backing off from 3 minutes, with the same events re-signed', async () => {
    const { fx, receiver, outcomes } = await setup((index) => [500, 429, 200][index] ?? 200);
    const start = fx.clock.now();
    createTicket(fx);
    await eventually(() => fx.clock.nextWake !== undefined, 'first retry scheduled');
    expect(fx.clock.inFlight).toBe(0); // sleeping is not work in flight
    expect(fx.clock.nextWake).toBe(start + 3 * 60_000);
    fx.clock.advanceTo(start + 3 * 60_000);
    await eventually(() => receiver.received.length === 2 && fx.clock.nextWake !== undefined, 'second retry');
    expect(fx.clock.nextWake).toBe(start + 9 * 60_000);
    fx.clock.advanceTo(start + 9 * 60_000);
    await fx.emulator.webhooksIdle();
    expect(receiver.received.map((r) => r.events[0]?.attemptNumber)).toEqual([0, 1, 2]);
    expect(new Set(receiver.received.map((r) => r.events.map((e) => e.eventId).join()))).toHaveProperty('size', 1);
    expect(receiver.received.map((r) => r.headers['x-hubspot-request-timestamp'])).toEqual(
      [start, start + 3 * 60_000, start + 9 * 60_000].map(String),
    );
    expect(receiver.received.every((r) => v3Valid(r, receiver.url))).toBe(true);
    expect(outcomes.map((o) => [o.delivered, o.attempts])).toEqual([[true, 3]]);
  });

  it('delivers each record in order: a failing record waits, other records do not', async () => {
    const { fx, receiver } = await setup((index, request) =>
      index === 0 && request.events[0]?.objectId === 9001 ? 503 : 200,
    );
    createTicket(fx);
    fx.emulator.portal.apply({ op: 'update', type: 'tickets', id: '9001', fields: { hs_pipeline_stage: '2' } });
    fx.emulator.portal.apply({ op: 'create', type: 'tickets', id: '9002', fields: { subject: 'Other' } });
    await eventually(() => receiver.received.length === 2 && fx.clock.nextWake !== undefined, '9002 while 9001 waits');
    fx.clock.advanceBy(3 * 60_000);
    await fx.emulator.webhooksIdle();
    expect(receiver.received.map((r) => [r.events[0]?.objectId, r.events[0]?.subscriptionType])).toEqual([
      [9001, 'ticket.creation'],
      [9002, 'ticket.creation'],
      [9001, 'ticket.creation'],
      [9001, 'ticket.propertyChange'],
    ]);
  });

  it('gives up after 10 attempts, within 24 hours', async () => {
    const { fx, receiver, outcomes } = await setup(() => 500);
    const start = fx.clock.now();
    createTicket(fx);
    while (outcomes.length === 0) {
      await eventually(() => fx.clock.nextWake !== undefined || outcomes.length > 0, 'next retry or the end');
      if (fx.clock.nextWake !== undefined) fx.clock.advanceTo(fx.clock.nextWake);
    }
    expect(outcomes[0]).toMatchObject({ delivered: false, attempts: 10 });
    expect(receiver.received.map((r) => r.events[0]?.attemptNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(fx.clock.now() - start).toBeLessThan(24 * 3_600_000);
    expect(fx.clock.now() - start).toBeGreaterThan(12 * 3_600_000);
  });
});
