import { describe, expect, it } from 'vitest';
import { checksumSuffix } from '../../../lib/local/emulator/salesforce/ids.ts';
import {
  SalesforceApiError,
  SalesforceOrg,
  type OrgChangeEvent,
} from '../../../lib/local/emulator/salesforce/index.ts';
import { ManualClock } from './support/manual-clock.ts';
import { ORG_ID, START, startFixture } from './support/org-fixture.ts';

/** The org model without HTTP: what a scenario runner seeds, changes and reads. */
describe('Salesforce emulator: the org model', () => {
  const newOrg = () => new SalesforceOrg({ orgId: ORG_ID, clock: new ManualClock(START) });

  it('computes the case-safe suffix of 15-character ids', () => {
    expect(checksumSuffix('001000000000001')).toBe('AAA');
    expect(checksumSuffix('00G000000000001')).toBe('EAA');
    // Per 5-character chunk, bit i is set when character i is upper case: D (bit 0) + I (bit 4) = 17 → R.
    expect(checksumSuffix('5003000000D8cuI')).toBe('AAR');
  });

  it('seeds owners as users and queues, without change events', () => {
    const org = newOrg();
    const events: OrgChangeEvent[] = [];
    org.onChange((event) => events.push(event));
    const user = org.seedOwner({ id: '005000000000001AAA', name: 'Aino Agent', email: 'aino@example.com' });
    const queue = org.seedOwner({ id: '00G000000000001AAA', name: 'Senior Reps', kind: 'queue' });
    expect(user).toMatchObject({
      Id: '005000000000001AAA',
      FirstName: 'Aino',
      LastName: 'Agent',
      Name: 'Aino Agent',
      Email: 'aino@example.com',
      IsActive: true,
    });
    expect(queue).toMatchObject({
      Id: '00G000000000001AAA',
      Name: 'Senior Reps',
      Type: 'Queue',
      DeveloperName: 'Senior_Reps',
    });
    // The hand-written id keeps its spelling; its 15-character form finds it too.
    expect(org.get('Group', '00G000000000001')?.Id).toBe('00G000000000001AAA');
    expect(events).toEqual([]);
  });

  it('applies scenario changes with events, custom fields appearing when first used', () => {
    const org = newOrg();
    const events: OrgChangeEvent[] = [];
    org.onChange((event) => events.push(event));
    org.seed({ type: 'Contact', id: '003000000000001AAA', fields: { LastName: 'Virtanen' } });
    const order = org.apply({
      op: 'create',
      type: 'Order',
      id: '801000000000001AAA',
      fields: {
        OrderNumber: '00000101',
        Status: 'Activated',
        EffectiveDate: '2026-12-07',
        ShipToContactId: '003000000000001AAA',
        Promised_Date__c: '2026-12-09',
        Expedite__c: true,
        Carrier__c: 'Posti',
      },
    });
    expect(order).toMatchObject({
      OrderNumber: '00000101',
      Expedite__c: true,
      Carrier__c: 'Posti',
      ActivatedDate: '2026-12-02T07:00:00.000+0000',
    });
    expect(org.catalog.field('Order', 'carrier__c')?.type).toBe('string');
    org.apply({ op: 'update', type: 'Order', id: '801000000000001AAA', fields: { Shipped_Date__c: '2026-12-08' } });
    expect(events.map((e) => [e.kind, e.type, e.id, e.source])).toEqual([
      ['created', 'Order', '801000000000001AAA', 'scenario'],
      ['updated', 'Order', '801000000000001AAA', 'scenario'],
    ]);
    // The next order continues the numbering after the seeded one.
    expect(org.apply({ op: 'create', type: 'Order', fields: { EffectiveDate: '2026-12-07' } }).OrderNumber).toBe(
      '00000102',
    );
    expect(() => org.apply({ op: 'create', type: 'Case', fields: { Priorty: 'High' } })).toThrow(SalesforceApiError);
    expect(() => org.apply({ op: 'create', type: 'Case', fields: { ContactId: '003000000000009AAA' } })).toThrow(
      /invalid cross reference id/,
    );
  });

  it('rolls a failed transaction back, and its events never fire', () => {
    const org = newOrg();
    const events: OrgChangeEvent[] = [];
    org.onChange((event) => events.push(event));
    const kept = org.create('Contact', { LastName: 'Kept' }, 'api');
    events.length = 0;
    expect(() =>
      org.transaction(() => {
        org.create('Case', { Subject: 'Will vanish' }, 'api');
        org.update('Contact', kept.Id as string, { LastName: 'Changed' }, 'api');
        org.create('Contact', {}, 'api'); // REQUIRED_FIELD_MISSING
      }),
    ).toThrow(/Required fields are missing: \[LastName\]/);
    expect(org.records('Case')).toEqual([]);
    expect(org.records('Contact')).toEqual([kept]);
    expect(events).toEqual([]);
    expect(org.create('Case', {}, 'api').CaseNumber).toBe('00001001');
  });

  it('answers the fault hook: a canned answer, or the write done and 503', async () => {
    let mode: 'fail' | 'crash' | 'none' = 'fail';
    const fx = await startFixture({
      faults: (request) => {
        if (request.method !== 'POST' || !request.path.endsWith('/sobjects/Case')) return undefined;
        if (mode === 'fail')
          return {
            status: 429,
            body: [{ message: 'slow down', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
            headers: { 'retry-after': '3' },
          };
        return mode === 'crash' ? 'crash-after-write' : undefined;
      },
    });
    try {
      await expect(fx.conn.sobject('Case').create({ Subject: 'a' })).rejects.toMatchObject({
        errorCode: 'REQUEST_LIMIT_EXCEEDED',
      });
      expect(fx.emulator.org.records('Case')).toHaveLength(0);
      mode = 'crash';
      await expect(fx.conn.sobject('Case').create({ Subject: 'b' })).rejects.toMatchObject({
        errorCode: 'SERVER_UNAVAILABLE',
      });
      expect(fx.emulator.org.records('Case').map((c) => c.Subject)).toEqual(['b']);
      mode = 'none';
      await fx.conn.sobject('Case').create({ Subject: 'c' });
      expect(fx.emulator.org.records('Case')).toHaveLength(2);
    } finally {
      await fx.close();
    }
  });
});
