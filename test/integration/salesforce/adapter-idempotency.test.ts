import { afterEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { CrmError, type NewTask } from '../../../lib/core/ports/crm.ts';
import type { FaultAction } from '../../../lib/local/emulator/faults.ts';
import type { FaultHook } from '../../../lib/local/emulator/salesforce/index.ts';
import { AINO, MAIJA, SAMI, adapterFor, startFixture, type Fixture } from './support/org-fixture.ts';

/**
 * A retried step never makes a second task or note (DESIGN §1), even when the first attempt's write
 * reached Salesforce and its answer did not.
 */
describe('SalesforceCrm idempotency', () => {
  let fx: Fixture;
  afterEach(() => fx.close());

  /** An org whose next `count` writes to `path` succeed and then answer 503 (or never answer). */
  async function orgWithCrashes(pathEnd: string, action: FaultAction = 'crash-after-write') {
    let crashes = 0;
    const faults: FaultHook = (request) =>
      request.method === 'POST' && request.path.endsWith(pathEnd) && crashes > 0 ? (crashes--, action) : undefined;
    fx = await startFixture({ faults });
    const caseId = fx.emulator.org.apply({
      op: 'create',
      type: 'Case',
      fields: { Subject: 'Wrong VAT', OwnerId: AINO, ContactId: MAIJA },
    }).Id as string;
    const orderId = fx.emulator.org.apply({ op: 'create', type: 'Order', fields: { EffectiveDate: '2026-12-07' } })
      .Id as string;
    return {
      crm: adapterFor(fx, { timeoutMs: 200 }),
      caseRef: ref('case', caseId),
      orderRef: ref('order', orderId),
      crash: (n = 1) => (crashes = n),
    };
  }

  const ref = (kind: RecordRef['kind'], id: string): RecordRef => ({ crm: 'salesforce', kind, id });
  const task = (relatedTo: RecordRef, actionKey: string, ownerId = SAMI): NewTask => ({
    actionKey,
    type: 'todo',
    subject: 'Escalated: Wrong VAT',
    description: 'Tier 1 reached.',
    ownerId,
    priority: 'high',
    dueAt: Date.parse('2026-12-02T09:00:00Z'),
    relatedTo,
    contactId: MAIJA,
  });

  it('createTask twice with one key makes one task', async () => {
    const { crm, caseRef } = await orgWithCrashes('/sobjects/Task');
    const first = await crm.createTask(task(caseRef, 'escalation:salesforce:500:task:1'));
    const second = await crm.createTask(task(caseRef, 'escalation:salesforce:500:task:1'));
    expect(first.existing).toBe(false);
    expect(second).toEqual({ id: first.id, existing: true });
    expect(fx.emulator.org.records('Task')).toHaveLength(1);
  });

  it('tells keys apart exactly (…:1 is not …:10) and per record', async () => {
    const { crm, caseRef, orderRef } = await orgWithCrashes('/sobjects/Task');
    const one = await crm.createTask(task(caseRef, 'escalation:salesforce:500:task:1'));
    const ten = await crm.createTask(task(caseRef, 'escalation:salesforce:500:task:10'));
    const onOrder = await crm.createTask(task(orderRef, 'escalation:salesforce:500:task:1'));
    expect(new Set([one.id, ten.id, onOrder.id]).size).toBe(3);
    expect([ten.existing, onOrder.existing]).toEqual([false, false]);
  });

  it('after a crash between the write and its answer, the retry returns the existing task', async () => {
    const { crm, caseRef, crash } = await orgWithCrashes('/sobjects/Task');
    crash();
    const failure = await crm
      .createTask(task(caseRef, 'escalation:salesforce:500:task:1'))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CrmError);
    expect(failure).toMatchObject({ code: 'SERVER_UNAVAILABLE', retryable: true });
    const [written] = fx.emulator.org.records('Task');
    expect(written).toBeDefined();
    const retry = await crm.createTask(task(caseRef, 'escalation:salesforce:500:task:1'));
    expect(retry).toEqual({ id: written?.Id, existing: true });
    expect(fx.emulator.org.records('Task')).toHaveLength(1);
  });

  it('after a write whose answer never came (a timeout), the retry returns the existing task', async () => {
    const { crm, caseRef, crash } = await orgWithCrashes('/sobjects/Task', 'hang-after-write');
    crash();
    const failure = await crm
      .createTask(task(caseRef, 'escalation:salesforce:500:task:1'))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(fx.emulator.org.records('Task')).toHaveLength(1);
    const retry = await crm.createTask(task(caseRef, 'escalation:salesforce:500:task:1'));
    expect(retry).toMatchObject({ existing: true });
    expect(fx.emulator.org.records('Task')).toHaveLength(1);
  });

  it('finds its task after an agent reassigned it', async () => {
    const { crm, caseRef } = await orgWithCrashes('/sobjects/Task');
    const made = await crm.createTask(task(caseRef, 'follow-up:salesforce:500:call:1'));
    fx.emulator.org.apply({ op: 'update', type: 'Task', id: made.id, fields: { OwnerId: AINO } });
    expect(await crm.createTask(task(caseRef, 'follow-up:salesforce:500:call:1'))).toEqual({
      id: made.id,
      existing: true,
    });
  });

  it('addNote is idempotent on cases and orders, crash or not', async () => {
    const { crm, caseRef, orderRef, crash } = await orgWithCrashes('/sobjects/CaseComment');
    crash();
    const note = {
      actionKey: 'escalation:salesforce:500:note:1',
      relatedTo: caseRef,
      body: 'Escalated to Senior Reps.',
    };
    await expect(crm.addNote(note)).rejects.toMatchObject({ retryable: true });
    const retry = await crm.addNote(note);
    expect(retry.existing).toBe(true);
    expect(fx.emulator.org.records('CaseComment')).toHaveLength(1);
    const orderNote = { actionKey: 'expedite:salesforce:801:note:1', relatedTo: orderRef, body: 'Expedite requested.' };
    const first = await crm.addNote(orderNote);
    expect(await crm.addNote(orderNote)).toEqual({ id: first.id, existing: true });
    expect(fx.emulator.org.records('Note')).toHaveLength(1);
  });
});
