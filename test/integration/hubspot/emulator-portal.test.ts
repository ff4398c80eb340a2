import { describe, expect, it } from 'vitest';
import { HubSpotApiError, HubSpotPortal, type PortalChangeEvent } from '../../../lib/local/emulator/hubspot/index.ts';
import { ManualClock } from '../salesforce/support/manual-clock.ts';

/** The portal model on its own, as the scenario runner uses it: seeds, changes, rules, events. */
describe('HubSpotPortal', () => {
  function portal() {
    const clock = new ManualClock('2026-11-30T07:00:00Z');
    const hs = new HubSpotPortal({ portalId: '1234567', clock });
    hs.seedOwner({ id: '101', name: 'Aino Agent', email: 'aino@example.com' });
    hs.seed({ type: 'contacts', id: '501', fields: { firstname: 'Maija', lastname: 'Virtanen' } });
    hs.seed({ type: 'contacts', id: '502', fields: { firstname: 'Juha', lastname: 'Korhonen' } });
    const events: PortalChangeEvent[] = [];
    hs.onChange((event) => events.push(event));
    return { clock, hs, events };
  }

  it('rolls a failed transaction back — records, updates and associations — and its events never fire', () => {
    const { hs, events } = portal();
    hs.apply({ op: 'create', type: 'ticket', id: '9001', fields: { subject: 'Kept', contactId: '501' } });
    hs.associate('tickets', '9001', 'contacts', '502');
    const before = hs.get('tickets', '9001');
    events.length = 0;
    expect(() =>
      hs.transaction(() => {
        hs.apply({ op: 'create', type: 'ticket', id: '9002', fields: { subject: 'Will vanish', contactId: '502' } });
        hs.apply({ op: 'update', type: 'ticket', id: '9001', fields: { subject: 'Changed' } });
        hs.dissociate('tickets', '9001', 'contacts', '501');
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(hs.records('tickets').map((ticket) => ticket.id)).toEqual(['9001']);
    expect(hs.get('tickets', '9001')).toEqual(before);
    expect(hs.associatedIds('tickets', '9001', 'contacts')).toEqual(['501', '502']);
    expect(hs.associatedIds('contacts', '502', 'tickets')).toEqual(['9001']);
    expect(events).toEqual([]);
  });

  it('fills what HubSpot fills on create, and announces it (seeds are silent)', () => {
    const { hs, events } = portal();
    const ticket = hs.apply({
      op: 'create',
      type: 'ticket',
      id: '9001',
      fields: {
        subject: 'Router keeps rebooting',
        hs_ticket_priority: 'MEDIUM',
        hubspot_owner_id: 101,
        contactId: '501',
      },
    });
    expect(ticket.properties).toMatchObject({
      hs_object_id: '9001',
      hs_ticket_id: '9001',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      hubspot_owner_id: '101',
      createdate: '2026-11-30T07:00:00.000Z',
      hs_lastmodifieddate: '2026-11-30T07:00:00.000Z',
    });
    expect(hs.associatedIds('tickets', '9001', 'contacts')).toEqual(['501']);
    expect(hs.associatedIds('contacts', '501', 'tickets')).toEqual(['9001']); // two-way
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'created', type: 'tickets', id: '9001', source: 'scenario' });
    expect(events[0]?.changed).toMatchObject({ subject: 'Router keeps rebooting', hs_pipeline_stage: '1' });
  });

  it('mints large numeric ids and refuses ids HubSpot would not have', () => {
    const { hs } = portal();
    const task = hs.apply({ op: 'create', type: 'tasks', fields: { hs_task_subject: 'Call' } });
    expect(task.id).toMatch(/^\d{10}$/);
    expect(task.properties).toMatchObject({
      hs_task_status: 'NOT_STARTED',
      hs_task_type: 'TODO',
      hs_task_priority: 'NONE',
    });
    expect(task.properties.hs_timestamp).toBe('2026-11-30T07:00:00.000Z'); // a person's task defaults to now
    expect(() => hs.apply({ op: 'create', type: 'tickets', id: 'T-1', fields: {} })).toThrow(HubSpotApiError);
    expect(() => hs.apply({ op: 'create', type: 'contacts', id: '501', fields: {} })).toThrow(/already exists/);
  });

  it('reports only the properties a change altered, and derives closed and completion dates', () => {
    const { clock, hs, events } = portal();
    hs.apply({ op: 'create', type: 'tickets', id: '9001', fields: { subject: 'A', hs_pipeline_stage: '1' } });
    clock.advanceBy(2 * 3_600_000);
    const closed = hs.apply({
      op: 'update',
      type: 'tickets',
      id: '9001',
      fields: { hs_pipeline_stage: '4', subject: 'A' },
    });
    expect(closed.properties).toMatchObject({
      closed_date: '2026-11-30T09:00:00.000Z',
      hs_lastmodifieddate: '2026-11-30T09:00:00.000Z',
      createdate: '2026-11-30T07:00:00.000Z',
    });
    expect(events[1]?.changed).toEqual({ hs_pipeline_stage: '4', closed_date: '2026-11-30T09:00:00.000Z' });
    clock.advanceBy(60_000);
    const reopened = hs.apply({ op: 'update', type: 'tickets', id: '9001', fields: { hs_pipeline_stage: '3' } });
    expect(reopened.properties.closed_date).toBeNull();
    const task = hs.apply({ op: 'create', type: 'tasks', fields: { hs_task_status: 'COMPLETED' } });
    expect(task.properties.hs_task_completion_date).toBe('2026-11-30T09:01:00.000Z');
  });

  it('replaces an association a scenario names again, and removes it with null', () => {
    const { hs } = portal();
    hs.apply({ op: 'create', type: 'orders', id: '7001', fields: { contactId: '501' } });
    hs.apply({ op: 'update', type: 'orders', id: '7001', fields: { contactId: '502' } });
    expect(hs.associatedIds('orders', '7001', 'contacts')).toEqual(['502']);
    expect(hs.associatedIds('contacts', '501', 'orders')).toEqual([]);
    hs.apply({ op: 'update', type: 'orders', id: '7001', fields: { contactId: null } });
    expect(hs.associatedIds('orders', '7001', 'contacts')).toEqual([]);
  });

  it('lets a scenario use properties an admin would create, typed by their first value', () => {
    const { hs } = portal();
    const order = hs.apply({
      op: 'create',
      type: 'orders',
      fields: { promise_by: '2026-12-09', rush: true, promised_date: '2026-12-10' },
    });
    expect(order.properties).toMatchObject({ promise_by: '2026-12-09', rush: 'true', promised_date: '2026-12-10' });
    expect(hs.catalog.get('orders', 'promise_by')?.type).toBe('date');
    expect(hs.catalog.get('orders', 'rush')?.type).toBe('bool');
  });

  it('keeps what seeds say HubSpot filled (created and modified times)', () => {
    const { hs, events } = portal();
    const seeded = hs.seed({
      type: 'tickets',
      id: '8001',
      fields: { createdate: '2026-11-01T08:00:00Z', hs_pipeline_stage: '4' },
    });
    expect(seeded.createdAt).toBe(Date.parse('2026-11-01T08:00:00Z'));
    expect(seeded.properties.createdate).toBe('2026-11-01T08:00:00.000Z');
    expect(events).toEqual([]);
  });

  it('rolls a failed change back whole: no record, no association, no event', () => {
    const { hs, events } = portal();
    expect(() =>
      hs.apply({ op: 'create', type: 'tickets', id: '9009', fields: { subject: 'x', contactId: '599' } }),
    ).toThrow(/599 does not exist/);
    expect(hs.get('tickets', '9009')).toBeUndefined();
    expect(events).toEqual([]);
    expect(() => hs.apply({ op: 'update', type: 'tickets', id: '9009', fields: { subject: 'y' } })).toThrow(
      /Object not found/,
    );
  });

  it('archives a record with its associations', () => {
    const { hs, events } = portal();
    hs.apply({ op: 'create', type: 'tickets', id: '9001', fields: { contactId: '501' } });
    hs.apply({ op: 'delete', type: 'tickets', id: '9001' });
    expect(hs.get('tickets', '9001')).toBeUndefined();
    expect(hs.associatedIds('contacts', '501', 'tickets')).toEqual([]);
    expect(events.map((event) => event.kind)).toEqual(['created', 'deleted']);
  });

  it('holds people as owners: names split, a user id of their own', () => {
    const { hs } = portal();
    const queue = hs.seedOwner({ name: 'Senior Reps', kind: 'queue' });
    expect(hs.owner('101')).toMatchObject({ firstName: 'Aino', lastName: 'Agent', email: 'aino@example.com' });
    expect(hs.owner('101')?.userId).not.toBe(101);
    expect(queue.id).toMatch(/^\d+$/);
    expect(hs.owner('999')).toBeUndefined();
  });
});
