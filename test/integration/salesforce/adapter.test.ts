import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceCrm } from '../../../lib/crm/salesforce/index.ts';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { AINO, JUHA, MAIJA, QUEUE, SAMI, adapterFor, startFixture, type Fixture } from './support/org-fixture.ts';

const caseRef = (id: string): RecordRef => ({ crm: 'salesforce', kind: 'case', id });
const orderRef = (id: string): RecordRef => ({ crm: 'salesforce', kind: 'order', id });

/** SalesforceCrm (CrmPort) against the emulator, over HTTP with jsforce. */
describe('SalesforceCrm', () => {
  let fx: Fixture;
  let crm: SalesforceCrm;
  let caseId: string;
  let orderId: string;
  beforeEach(async () => {
    fx = await startFixture();
    crm = adapterFor(fx);
    caseId = fx.emulator.org.apply({
      op: 'create',
      type: 'Case',
      fields: { Subject: 'Wrong VAT', Priority: 'High', OwnerId: AINO, ContactId: MAIJA },
    }).Id as string;
    orderId = fx.emulator.org.apply({
      op: 'create',
      type: 'Order',
      fields: {
        Status: 'Activated',
        EffectiveDate: '2026-12-07',
        ShipToContactId: MAIJA,
        Promised_Date__c: '2026-12-09',
      },
    }).Id as string;
  });
  afterEach(() => fx.close());

  it('reads records as native fields, and undefined once deleted', async () => {
    const fields = await crm.readRecord(caseRef(caseId));
    expect(fields).toMatchObject({
      Id: caseId,
      Subject: 'Wrong VAT',
      Priority: 'High',
      IsClosed: false,
      CreatedDate: '2026-12-02T07:00:00.000+0000',
    });
    expect(fields).not.toHaveProperty('attributes');
    expect(await crm.readRecord(orderRef(orderId))).toMatchObject({
      Promised_Date__c: '2026-12-09',
      Expedite__c: false,
    });
    fx.emulator.org.apply({ op: 'delete', type: 'Case', id: caseId });
    expect(await crm.readRecord(caseRef(caseId))).toBeUndefined();
  });

  it('updates records, assigns owners and marks cases escalated', async () => {
    await crm.updateRecord(orderRef(orderId), { Expedite__c: true });
    await crm.assignOwner(caseRef(caseId), QUEUE);
    await crm.markEscalated(caseRef(caseId));
    await crm.markEscalated(orderRef(orderId)); // orders have no such flag: nothing happens
    expect(fx.emulator.org.get('Order', orderId)?.Expedite__c).toBe(true);
    expect(fx.emulator.org.get('Case', caseId)).toMatchObject({ OwnerId: QUEUE, IsEscalated: true });
  });

  it('knows users, queues and contacts', async () => {
    expect(await crm.owner(AINO)).toEqual({ id: AINO, kind: 'user', name: 'Aino Agent', email: 'aino@example.com' });
    expect(await crm.owner(QUEUE)).toEqual({
      id: QUEUE,
      kind: 'queue',
      name: 'Senior Reps',
      email: 'senior-reps@example.com',
    });
    expect(await crm.owner('005000000000099AAA')).toBeUndefined();
    expect(await crm.contact(MAIJA)).toEqual({
      id: MAIJA,
      name: 'Maija Virtanen',
      email: 'maija@example.com',
      optedOutOfCalls: false,
    });
    expect(await crm.contact(JUHA)).toEqual({ id: JUHA, name: 'Juha Korhonen', optedOutOfCalls: true });
    expect(await crm.contact('003000000000099AAA')).toBeUndefined();
  });

  it('reads the opted-out flag from a mapped field', async () => {
    fx.emulator.org.apply({ op: 'update', type: 'Contact', id: MAIJA, fields: { No_Calls__c: true } });
    const mapped = adapterFor(fx, { mapping: { fields: { 'contact.optedOut': 'No_Calls__c' } } });
    expect((await mapped.contact(MAIJA))?.optedOutOfCalls).toBe(true);
  });

  it('creates a call task the way agents expect to see it', async () => {
    const dueAt = Date.parse('2026-12-04T22:30:00Z'); // already 5 December in Helsinki
    const made = await crm.createTask({
      actionKey: 'follow-up:salesforce:500:call:1',
      type: 'call',
      subject: 'Follow-up call: Wrong VAT',
      description: 'Case closed on 3 December.\nAsk whether the credit note arrived.',
      ownerId: SAMI,
      priority: 'normal',
      dueAt,
      relatedTo: caseRef(caseId),
      contactId: MAIJA,
    });
    expect(made).toEqual({ id: expect.stringMatching(/^00T/), existing: false });
    expect(fx.emulator.org.get('Task', made.id)).toMatchObject({
      Subject: 'Follow-up call: Wrong VAT',
      Description:
        'Case closed on 3 December.\nAsk whether the credit note arrived.\n\ncrmflow action: follow-up:salesforce:500:call:1',
      OwnerId: SAMI,
      WhatId: caseId,
      WhoId: MAIJA,
      Priority: 'Normal',
      Status: 'Not Started',
      TaskSubtype: 'Call',
      Type: 'Call',
      ActivityDate: '2026-12-05',
      ReminderDateTime: '2026-12-04T22:30:00.000+0000',
      IsReminderSet: true,
    });
    expect(await crm.task(made.id)).toEqual({
      id: made.id,
      status: 'open',
      ownerId: SAMI,
      type: 'call',
      createdAt: fx.clock.now(),
      relatedTo: caseId,
    });
    fx.emulator.org.apply({ op: 'update', type: 'Task', id: made.id, fields: { Status: 'Completed' } });
    expect((await crm.task(made.id))?.status).toBe('completed');
    expect(await crm.task('00T000000000099AAA')).toBeUndefined();
  });

  it('creates to-dos with high priority on orders', async () => {
    const made = await crm.createTask({
      actionKey: 'expedite:salesforce:801:task:1',
      type: 'todo',
      subject: 'Expedite order 00000100, promised 2026-12-09',
      description: '',
      ownerId: AINO,
      priority: 'high',
      dueAt: Date.parse('2026-12-09T15:00:00Z'),
      relatedTo: orderRef(orderId),
    });
    expect(fx.emulator.org.get('Task', made.id)).toMatchObject({
      TaskSubtype: 'Task',
      Type: null,
      Priority: 'High',
      WhatId: orderId,
      WhoId: null,
      Description: 'crmflow action: expedite:salesforce:801:task:1',
    });
    expect((await crm.task(made.id))?.type).toBe('todo');
  });

  it('finds the call tasks crmflow made for a contact since an instant', async () => {
    const call = (n: number) =>
      crm.createTask({
        actionKey: `follow-up:salesforce:x:call:${n}`,
        type: 'call',
        subject: `Call ${n}`,
        description: 'Call',
        ownerId: AINO,
        priority: 'normal',
        dueAt: fx.clock.now(),
        relatedTo: caseRef(caseId),
        contactId: MAIJA,
      });
    const old = await call(1);
    fx.clock.advanceBy(3 * 86_400_000);
    const since = fx.clock.now();
    fx.clock.advanceBy(60_000);
    const recent = await call(2);
    // Calls crmflow did not make (no action key) do not count.
    fx.emulator.org.apply({
      op: 'create',
      type: 'Task',
      fields: { Subject: 'Logged by hand', TaskSubtype: 'Call', WhoId: MAIJA, OwnerId: AINO },
    });
    const calls = await crm.callTasksFor(MAIJA, since);
    expect(calls.map((t) => t.id)).toEqual([recent.id]);
    expect(calls.map((t) => t.id)).not.toContain(old.id);
    expect(await crm.callTasksFor(JUHA, 0)).toEqual([]);
  });

  it('adds notes: a private CaseComment on cases, a Note on orders', async () => {
    const onCase = await crm.addNote({
      actionKey: 'escalation:salesforce:500:note:1',
      relatedTo: caseRef(caseId),
      body: 'Escalated to Senior Reps: 1 open hour elapsed (policy high-priority, tier 1).',
    });
    expect(fx.emulator.org.get('CaseComment', onCase.id)).toMatchObject({
      ParentId: caseId,
      IsPublished: false,
      CommentBody:
        'Escalated to Senior Reps: 1 open hour elapsed (policy high-priority, tier 1).\n\ncrmflow action: escalation:salesforce:500:note:1',
    });
    const onOrder = await crm.addNote({
      actionKey: 'expedite:salesforce:801:note:1',
      relatedTo: orderRef(orderId),
      body: 'Expedite requested\nPromised 2026-12-09.',
    });
    expect(onOrder.id.startsWith('002')).toBe(true);
    expect(fx.emulator.org.get('Note', onOrder.id)).toMatchObject({
      ParentId: orderId,
      Title: 'Expedite requested',
      Body: 'Expedite requested\nPromised 2026-12-09.\n\ncrmflow action: expedite:salesforce:801:note:1',
    });
  });

  it('keeps the action key when a comment has to be shortened to fit', async () => {
    const made = await crm.addNote({ actionKey: 'k:1', relatedTo: caseRef(caseId), body: 'x'.repeat(5000) });
    const body = String(fx.emulator.org.get('CaseComment', made.id)?.CommentBody);
    expect(body.length).toBe(4000);
    expect(body.endsWith('…\n\ncrmflow action: k:1')).toBe(true);
  });
});
