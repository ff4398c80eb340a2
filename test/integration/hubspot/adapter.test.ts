import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { canonicalHubSpotOrder, canonicalTicket, type HubSpotCrm } from '../../../lib/crm/hubspot/index.ts';
import { AINO, EERO, JUHA, MAIJA, VILLE, adapterFor, startFixture, type Fixture } from './support/portal-fixture.ts';

const ref = (kind: RecordRef['kind'], id: string): RecordRef => ({ crm: 'hubspot', kind, id });

/** HubSpotCrm (CrmPort) against the emulator, over HTTP with the real @hubspot/api-client. */
describe('HubSpotCrm', () => {
  let fx: Fixture;
  let crm: HubSpotCrm;
  let orderId: string;
  beforeEach(async () => {
    fx = await startFixture();
    crm = adapterFor(fx);
    const { portal } = fx.emulator;
    portal.apply({
      op: 'create',
      type: 'tickets',
      id: '9001',
      fields: {
        subject: 'Router keeps rebooting',
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        hs_ticket_priority: 'MEDIUM',
        hubspot_owner_id: AINO,
        contactId: MAIJA,
      },
    });
    orderId = portal.apply({
      op: 'create',
      type: 'orders',
      fields: { hs_order_name: 'Camping supplies', promised_date: '2026-12-09', expedite: true, contactId: MAIJA },
    }).id;
  });
  afterEach(async () => {
    crm.close();
    await fx.close();
  });

  it('reads a ticket with its contact as contactId, ready for the mapping', async () => {
    const fields = await crm.readRecord(ref('case', '9001'));
    expect(fields).toMatchObject({
      hs_object_id: '9001',
      hs_ticket_id: '9001',
      subject: 'Router keeps rebooting',
      hs_pipeline_stage: '1',
      hs_ticket_priority: 'MEDIUM',
      hubspot_owner_id: AINO,
      createdate: '2026-11-30T07:00:00.000Z',
      closed_date: null,
      contactId: MAIJA,
    });
    expect(canonicalTicket(fields ?? {})).toMatchObject({
      status: 'new',
      priority: 'medium',
      ownerId: AINO,
      contactId: MAIJA,
      number: '9001',
      createdAt: Date.parse('2026-11-30T07:00:00Z'),
    });
  });

  it('reads an order with the mapped properties, and undefined once a record is gone', async () => {
    const fields = await crm.readRecord(ref('order', orderId));
    expect(canonicalHubSpotOrder(fields ?? {})).toMatchObject({
      promisedAt: '2026-12-09',
      expedite: true,
      contactId: MAIJA,
      shippedAt: undefined,
    });
    fx.emulator.portal.apply({ op: 'update', type: 'orders', id: orderId, fields: { rush: true } });
    const mapped = adapterFor(fx, { mapping: { fields: { 'order.expedite': 'rush' } } });
    expect((await mapped.readRecord(ref('order', orderId)))?.rush).toBe('true');
    mapped.close();
    fx.emulator.portal.apply({ op: 'delete', type: 'tickets', id: '9001' });
    expect(await crm.readRecord(ref('case', '9001'))).toBeUndefined();
  });

  it('updates properties (as HubSpot text), assigns owners, and has nothing to mark escalated', async () => {
    await crm.updateRecord(ref('order', orderId), { expedite: false, shipped_date: '2026-12-08' });
    await crm.assignOwner(ref('case', '9001'), VILLE);
    await crm.markEscalated(ref('case', '9001'));
    expect(fx.emulator.portal.get('orders', orderId)?.properties).toMatchObject({
      expedite: 'false',
      shipped_date: '2026-12-08',
    });
    expect(fx.emulator.portal.get('tickets', '9001')?.properties.hubspot_owner_id).toBe(VILLE);
    await expect(crm.assignOwner(ref('case', '9001'), '999')).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      retryable: false,
    });
  });

  it('knows owners (all users) and contacts, opted out through the mapped property', async () => {
    expect(await crm.owner(AINO)).toEqual({ id: AINO, kind: 'user', name: 'Aino Agent', email: 'aino@example.com' });
    expect(await crm.owner('999')).toBeUndefined();
    expect(await crm.owner('00G000000000001AAA')).toBeUndefined();
    expect(await crm.contact(MAIJA)).toEqual({
      id: MAIJA,
      name: 'Maija Virtanen',
      email: 'maija@example.com',
      optedOutOfCalls: false,
    });
    expect(await crm.contact(JUHA)).toMatchObject({ optedOutOfCalls: true });
    expect(await crm.contact('599')).toBeUndefined();
    fx.emulator.portal.apply({ op: 'update', type: 'contacts', id: MAIJA, fields: { no_calls: true } });
    const mapped = adapterFor(fx, { mapping: { fields: { 'contact.optedOut': 'no_calls' } } });
    expect((await mapped.contact(MAIJA))?.optedOutOfCalls).toBe(true);
    mapped.close();
  });

  it('creates a call task the way agents expect to see it, on the ticket and its contact', async () => {
    const dueAt = Date.parse('2026-12-02T08:00:00Z');
    const made = await crm.createTask({
      actionKey: 'follow-up:hubspot:9001:call:1',
      type: 'call',
      subject: 'Follow-up call: Router keeps rebooting',
      description: 'Ticket closed on 30 November.\nAsk whether the router still reboots.',
      ownerId: AINO,
      priority: 'normal',
      dueAt,
      relatedTo: ref('case', '9001'),
      contactId: MAIJA,
    });
    expect(made).toEqual({ id: expect.stringMatching(/^\d+$/), existing: false });
    const { portal } = fx.emulator;
    expect(portal.get('tasks', made.id)?.properties).toMatchObject({
      hs_task_subject: 'Follow-up call: Router keeps rebooting',
      hs_task_body:
        'Ticket closed on 30 November.\nAsk whether the router still reboots.\n\ncrmflow action: follow-up:hubspot:9001:call:1',
      hs_task_type: 'CALL',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'MEDIUM',
      hs_timestamp: '2026-12-02T08:00:00.000Z',
      hubspot_owner_id: AINO,
    });
    expect(portal.associatedIds('tasks', made.id, 'tickets')).toEqual(['9001']);
    expect(portal.associatedIds('tasks', made.id, 'contacts')).toEqual([MAIJA]);
    expect(await crm.task(made.id)).toEqual({
      id: made.id,
      status: 'open',
      ownerId: AINO,
      type: 'call',
      createdAt: fx.clock.now(),
      relatedTo: '9001',
    });
    portal.apply({ op: 'update', type: 'tasks', id: made.id, fields: { hs_task_status: 'COMPLETED' } });
    expect((await crm.task(made.id))?.status).toBe('completed');
    expect(await crm.task('404404')).toBeUndefined();
  });

  it('creates high-priority to-dos on orders (the task→order type looked up in the portal)', async () => {
    const made = await crm.createTask({
      actionKey: 'expedite:hubspot:order:task:1',
      type: 'todo',
      subject: 'Expedite order, promised 2026-12-09',
      description: '',
      ownerId: EERO,
      priority: 'high',
      dueAt: Date.parse('2026-12-09T15:00:00Z'),
      relatedTo: ref('order', orderId),
    });
    expect(fx.emulator.portal.get('tasks', made.id)?.properties).toMatchObject({
      hs_task_type: 'TODO',
      hs_task_priority: 'HIGH',
      hs_task_body: 'crmflow action: expedite:hubspot:order:task:1',
    });
    expect(fx.emulator.portal.associatedIds('orders', orderId, 'tasks')).toEqual([made.id]);
    expect(await crm.task(made.id)).toMatchObject({ type: 'todo', relatedTo: orderId });
  });

  it('finds the call tasks crmflow made for a contact since an instant', async () => {
    const call = (n: number) =>
      crm.createTask({
        actionKey: `follow-up:hubspot:9001:call:${n}`,
        type: 'call',
        subject: `Call ${n}`,
        description: 'Call',
        ownerId: AINO,
        priority: 'normal',
        dueAt: fx.clock.now(),
        relatedTo: ref('case', '9001'),
        contactId: MAIJA,
      });
    const old = await call(1);
    fx.clock.advanceBy(3 * 86_400_000);
    const since = fx.clock.now();
    fx.clock.advanceBy(60_000);
    const recent = await call(2);
    // Calls crmflow did not make (no action key) and to-dos do not count.
    const { portal } = fx.emulator;
    portal.apply({ op: 'create', type: 'tasks', fields: { hs_task_type: 'CALL', contactId: MAIJA } });
    portal.apply({
      op: 'create',
      type: 'tasks',
      fields: { hs_task_type: 'TODO', hs_task_body: 'x\n\ncrmflow action: k', contactId: MAIJA },
    });
    const calls = await crm.callTasksFor(MAIJA, since);
    expect(calls).toEqual([
      { id: recent.id, status: 'open', ownerId: AINO, type: 'call', createdAt: since + 60_000, relatedTo: '9001' },
    ]);
    expect(calls.map((task) => task.id)).not.toContain(old.id);
    expect(await crm.callTasksFor(JUHA, 0)).toEqual([]);
  });

  it('adds notes to tickets and orders, timestamped on its clock', async () => {
    const onTicket = await crm.addNote({
      actionKey: 'follow-up:hubspot:9001:note:1',
      relatedTo: ref('case', '9001'),
      body: 'The follow-up call is still open a day after it was due.',
    });
    expect(fx.emulator.portal.get('notes', onTicket.id)?.properties).toMatchObject({
      hs_note_body:
        'The follow-up call is still open a day after it was due.\n\ncrmflow action: follow-up:hubspot:9001:note:1',
      hs_timestamp: '2026-11-30T07:00:00.000Z',
    });
    expect(fx.emulator.portal.associatedIds('tickets', '9001', 'notes')).toEqual([onTicket.id]);
    const onOrder = await crm.addNote({
      actionKey: 'expedite:hubspot:order:note:1',
      relatedTo: ref('order', orderId),
      body: 'Expedite requested.',
    });
    expect(fx.emulator.portal.associatedIds('orders', orderId, 'notes')).toEqual([onOrder.id]);
    await expect(crm.addNote({ actionKey: 'k', relatedTo: ref('task', onTicket.id), body: 'x' })).rejects.toMatchObject(
      { code: 'UNSUPPORTED', retryable: false },
    );
  });
});
