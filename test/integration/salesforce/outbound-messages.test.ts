import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryOutcome } from '../../../lib/local/emulator/ordered-delivery.ts';
import type { OutboundMessage } from '../../../lib/local/emulator/salesforce/index.ts';
import { eventually } from './support/manual-clock.ts';
import { AINO, MAIJA, ORG_ID, startFixture, type Fixture } from './support/org-fixture.ts';
import { ACK, NACK, startSoapReceiver } from './support/soap-receiver.ts';

/** Outbound Messages as a receiver sees them: SOAP 1.1, retried on the clock until acknowledged. */
describe('Salesforce emulator: Outbound Messages', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0)) await close();
  });

  async function setup(answer?: Parameters<typeof startSoapReceiver>[0]) {
    const receiver = await startSoapReceiver(answer);
    const outcomes: DeliveryOutcome<OutboundMessage>[] = [];
    const fx = await startFixture({ outboundUrl: receiver.url, onOutbound: (outcome) => outcomes.push(outcome) });
    cleanup.push(
      () => receiver.close(),
      () => fx.close(),
    );
    return { fx, receiver, outcomes };
  }

  it('posts a SOAP notification with the org, the action and every non-null field', async () => {
    const { fx, receiver } = await setup();
    fx.emulator.org.apply({
      op: 'create',
      type: 'Case',
      id: '500000000000001AAA',
      fields: { Subject: 'Wrong VAT & more', Priority: 'High', OwnerId: AINO, ContactId: MAIJA },
    });
    await fx.emulator.outboundIdle();
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    expect(message?.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(message?.headers.soapaction).toBe('""');
    const envelope = message?.document['soapenv:Envelope'];
    expect(envelope['@_xmlns:soapenv']).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    const notifications = envelope['soapenv:Body'].notifications;
    expect(notifications['@_xmlns']).toBe('http://soap.sforce.com/2005/09/outbound');
    expect(notifications.OrganizationId).toBe(ORG_ID);
    expect(notifications.ActionId).toMatch(/^04k[A-Za-z0-9]{15}$/);
    expect(notifications.SessionId['@_xsi:nil']).toBe('true');
    expect(notifications.EnterpriseUrl).toBe(`${fx.emulator.url}/services/Soap/c/62.0/${ORG_ID.slice(0, 15)}`);
    expect(notifications.PartnerUrl).toBe(`${fx.emulator.url}/services/Soap/u/62.0/${ORG_ID.slice(0, 15)}`);
    expect(notifications.Notification.Id).toMatch(/^04l[A-Za-z0-9]{15}$/);
    expect(notifications.Notification.sObject['@_xsi:type']).toBe('sf:Case');
    expect(notifications.Notification.sObject['@_xmlns:sf']).toBe('urn:sobject.enterprise.soap.sforce.com');
    expect(message?.fields).toMatchObject({
      Id: '500000000000001AAA',
      CaseNumber: '00001001',
      Subject: 'Wrong VAT & more',
      Status: 'New',
      Priority: 'High',
      IsClosed: 'false',
      IsEscalated: 'false',
      OwnerId: AINO,
      ContactId: MAIJA,
      CreatedDate: '2026-12-02T07:00:00.000Z',
      LastModifiedDate: '2026-12-02T07:00:00.000Z',
    });
    expect(Object.keys(message?.fields ?? {})[0]).toBe('Id');
    expect(message?.fields).not.toHaveProperty('Description'); // null fields are left out
  });

  it('sends for API writes of cases, orders and tasks, not for other objects or deletes', async () => {
    const { fx, receiver } = await setup();
    const { id: caseId } = await fx.conn.sobject('Case').create({ Subject: 'api' });
    await fx.conn.sobject('Contact').create({ LastName: 'Not sent' });
    await fx.conn.sobject('Task').create({ Subject: 'Call', WhatId: caseId });
    await fx.conn.sobject('Order').create({ EffectiveDate: '2026-12-07', Expedite__c: true });
    await fx.conn.sobject('Case').destroy(caseId as string);
    await fx.emulator.outboundIdle();
    expect(receiver.received.map((m) => m.sobjectType)).toEqual(['Case', 'Task', 'Order']);
    expect(receiver.received[2]?.fields).toMatchObject({
      Expedite__c: 'true',
      EffectiveDate: '2026-12-07',
      OrderNumber: '00000100',
    });
  });

  it('retries on the clock until Ack, backing off from 15 s, with the same notification id', async () => {
    const { fx, receiver, outcomes } = await setup((index) =>
      index === 0
        ? { status: 500, body: 'boom' }
        : index === 1
          ? { status: 200, body: NACK }
          : { status: 200, body: ACK },
    );
    const start = fx.clock.now();
    fx.emulator.org.apply({ op: 'create', type: 'Case', fields: { Subject: 'Retry me' } });
    await eventually(() => fx.clock.nextWake !== undefined, 'first retry scheduled');
    expect(fx.clock.inFlight).toBe(0); // sleeping is not work in flight
    expect(fx.clock.nextWake).toBe(start + 15_000);
    fx.clock.advanceTo(start + 15_000);
    await eventually(() => receiver.received.length === 2 && fx.clock.nextWake !== undefined, 'second retry scheduled');
    expect(fx.clock.nextWake).toBe(start + 15_000 + 30_000);
    fx.clock.advanceTo(start + 45_000);
    await fx.emulator.outboundIdle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((m) => m.notificationId)).size).toBe(1);
    expect(outcomes.map((o) => [o.delivered, o.attempts])).toEqual([[true, 3]]);
  });

  it('tracks each delivery while it is in flight', async () => {
    let inFlightWhenReceived = -1;
    const holder: { fx?: Fixture } = {};
    const { fx } = await setup(() => {
      inFlightWhenReceived = holder.fx?.clock.inFlight ?? -1;
      return { status: 200, body: ACK };
    });
    holder.fx = fx;
    fx.emulator.org.apply({ op: 'create', type: 'Task', fields: { Subject: 'Tracked' } });
    expect(fx.clock.inFlight).toBe(1); // tracked from the change itself, before any I/O
    await fx.emulator.outboundIdle();
    expect(inFlightWhenReceived).toBe(1);
    await eventually(() => fx.clock.inFlight === 0, 'tracked work settles');
  });

  it('delivers each record in order: a failing record waits, other records do not', async () => {
    const { fx, receiver } = await setup((index, message) =>
      index === 0 && message.fields.Subject === 'A1' ? { status: 503, body: '' } : { status: 200, body: ACK },
    );
    const { org } = fx.emulator;
    const a = org.apply({ op: 'create', type: 'Case', fields: { Subject: 'A1' } });
    org.apply({ op: 'update', type: 'Case', id: a.Id as string, fields: { Subject: 'A2' } });
    org.apply({ op: 'create', type: 'Case', fields: { Subject: 'B1' } });
    await eventually(
      () => receiver.received.length === 2 && fx.clock.nextWake !== undefined,
      'B delivered while A waits',
    );
    fx.clock.advanceBy(15_000);
    await fx.emulator.outboundIdle();
    expect(receiver.received.map((m) => m.fields.Subject)).toEqual(['A1', 'B1', 'A1', 'A2']);
  });

  it('gives up after 24 hours of failures, as Salesforce drops the message', async () => {
    const { fx, receiver, outcomes } = await setup(() => ({ status: 503, body: '' }));
    const start = fx.clock.now();
    fx.emulator.org.apply({ op: 'create', type: 'Order', fields: { EffectiveDate: '2026-12-07' } });
    while (outcomes.length === 0) {
      await eventually(() => fx.clock.nextWake !== undefined || outcomes.length > 0, 'next retry or the end');
      if (fx.clock.nextWake !== undefined) fx.clock.advanceTo(fx.clock.nextWake);
    }
    expect(outcomes[0]?.delivered).toBe(false);
    const waits = receiver.received.length;
    expect(fx.clock.now() - start).toBeLessThanOrEqual(24 * 3_600_000);
    expect(fx.clock.now() - start).toBeGreaterThan(23 * 3_600_000);
    expect(waits).toBe(outcomes[0]?.attempts);
  });
});
