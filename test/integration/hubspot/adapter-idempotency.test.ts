import { afterEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { CrmError, type NewTask } from '../../../lib/core/ports/crm.ts';
import type { HubSpotCrm } from '../../../lib/crm/hubspot/index.ts';
import type { FaultAction } from '../../../lib/local/emulator/faults.ts';
import type { FaultHook } from '../../../lib/local/emulator/hubspot/index.ts';
import { AINO, EERO, MAIJA, adapterFor, startFixture, type Fixture } from './support/portal-fixture.ts';

/**
 * A retried step never makes a second task or note (DESIGN §1), even when the first attempt's write
 * reached HubSpot and its answer did not.
 */
describe('HubSpotCrm idempotency', () => {
  let fx: Fixture;
  let crm: HubSpotCrm;
  afterEach(async () => {
    crm.close();
    await fx.close();
  });

  /** A portal whose next `n` creates of `objectType` succeed and then answer 502 (or never answer). */
  async function portalWithCrashes(objectType: string, action: FaultAction = 'crash-after-write') {
    let crashes = 0;
    const faults: FaultHook = (request) =>
      request.method === 'POST' && request.path === `/crm/v3/objects/${objectType}` && crashes > 0
        ? (crashes--, action)
        : undefined;
    fx = await startFixture({ faults });
    crm = adapterFor(fx, { timeoutMs: 200 });
    const { portal } = fx.emulator;
    portal.apply({ op: 'create', type: 'tickets', id: '9001', fields: { subject: 'A', contactId: MAIJA } });
    const orderId = portal.apply({ op: 'create', type: 'orders', fields: { hs_order_name: 'B' } }).id;
    return { ticket: ref('case', '9001'), order: ref('order', orderId), crash: (n = 1) => (crashes = n) };
  }

  const ref = (kind: RecordRef['kind'], id: string): RecordRef => ({ crm: 'hubspot', kind, id });
  const task = (relatedTo: RecordRef, actionKey: string, ownerId = EERO): NewTask => ({
    actionKey,
    type: 'todo',
    subject: 'Escalated: A',
    description: 'Tier 1 reached.',
    ownerId,
    priority: 'high',
    dueAt: Date.parse('2026-11-30T09:00:00Z'),
    relatedTo,
    contactId: MAIJA,
  });

  it('createTask twice with one key makes one task', async () => {
    const { ticket } = await portalWithCrashes('tasks');
    const first = await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:1'));
    const second = await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:1'));
    expect(first.existing).toBe(false);
    expect(second).toEqual({ id: first.id, existing: true });
    expect(fx.emulator.portal.records('tasks')).toHaveLength(1);
  });

  it('after a create whose answer never came (a timeout), the retry returns the existing task', async () => {
    const { ticket, crash } = await portalWithCrashes('tasks', 'hang-after-write');
    crash();
    const failure = await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:1')).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(fx.emulator.portal.records('tasks')).toHaveLength(1);
    expect(await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:1'))).toMatchObject({ existing: true });
    expect(fx.emulator.portal.records('tasks')).toHaveLength(1);
  });

  it('a create that was never answered nor made (a hang) is made by the retry, once', async () => {
    const { ticket, crash } = await portalWithCrashes('tasks', 'hang');
    crash();
    const failure = await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:1')).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(fx.emulator.portal.records('tasks')).toHaveLength(0);
    expect(await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:1'))).toMatchObject({ existing: false });
    expect(fx.emulator.portal.records('tasks')).toHaveLength(1);
  });

  it('tells keys apart exactly (…:1 is not …:10) and per record', async () => {
    const { ticket, order } = await portalWithCrashes('tasks');
    const one = await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:1'));
    const ten = await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:10'));
    const onOrder = await crm.createTask(task(order, 'escalation:hubspot:9001:task:1'));
    expect(new Set([one.id, ten.id, onOrder.id]).size).toBe(3);
    expect([ten.existing, onOrder.existing]).toEqual([false, false]);
  });

  it('after a crash between the write and its answer, the retry returns the existing task', async () => {
    const { ticket, crash } = await portalWithCrashes('tasks');
    crash();
    const failure = await crm
      .createTask(task(ticket, 'follow-up:hubspot:9001:call:1'))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CrmError);
    expect(failure).toMatchObject({ code: 'BAD_GATEWAY', retryable: true });
    const [written] = fx.emulator.portal.records('tasks');
    expect(written).toBeDefined();
    const retry = await crm.createTask(task(ticket, 'follow-up:hubspot:9001:call:1'));
    expect(retry).toEqual({ id: written?.id, existing: true });
    expect(fx.emulator.portal.records('tasks')).toHaveLength(1);
  });

  it('finds its task after an agent reassigned it and rewrote its body as rich text', async () => {
    const { ticket } = await portalWithCrashes('tasks');
    const made = await crm.createTask(task(ticket, 'follow-up:hubspot:9001:call:1'));
    fx.emulator.portal.apply({
      op: 'update',
      type: 'tasks',
      id: made.id,
      fields: {
        hubspot_owner_id: AINO,
        hs_task_body: '<p>Tier 1 reached. Called, no answer.</p><p>crmflow action: follow-up:hubspot:9001:call:1</p>',
      },
    });
    expect(await crm.createTask(task(ticket, 'follow-up:hubspot:9001:call:1'))).toEqual({
      id: made.id,
      existing: true,
    });
  });

  it('looks through every task of a busy record, past a page of associations and a batch of reads', async () => {
    const { ticket } = await portalWithCrashes('tasks');
    const { portal } = fx.emulator;
    for (let i = 0; i < 620; i += 1) {
      portal.apply({ op: 'create', type: 'tasks', fields: { hs_task_body: `other ${i}`, ticketId: '9001' } });
    }
    const made = await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:3'));
    expect(await crm.createTask(task(ticket, 'escalation:hubspot:9001:task:3'))).toEqual({
      id: made.id,
      existing: true,
    });
    expect(portal.records('tasks')).toHaveLength(621);
  });

  it('addNote is idempotent on tickets and orders, crash or not', async () => {
    const { ticket, order, crash } = await portalWithCrashes('notes');
    crash();
    const note = { actionKey: 'escalation:hubspot:9001:note:1', relatedTo: ticket, body: 'Escalated to Eero.' };
    await expect(crm.addNote(note)).rejects.toMatchObject({ retryable: true });
    const retry = await crm.addNote(note);
    expect(retry.existing).toBe(true);
    expect(fx.emulator.portal.records('notes')).toHaveLength(1);
    const orderNote = { actionKey: 'expedite:hubspot:o:note:1', relatedTo: order, body: 'Expedite requested.' };
    const first = await crm.addNote(orderNote);
    expect(await crm.addNote(orderNote)).toEqual({ id: first.id, existing: true });
    expect(fx.emulator.portal.records('notes')).toHaveLength(2);
  });
});
