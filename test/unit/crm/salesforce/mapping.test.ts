import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../../lib/core/model/canonical.ts';
import { canonicalCase, canonicalOrder } from '../../../../lib/crm/salesforce/mapping.ts';

describe('canonicalCase', () => {
  const base = {
    Id: '500000000000001AAA',
    CaseNumber: '00001001',
    Subject: 'Wrong VAT',
    OwnerId: '005000000000001AAA',
    ContactId: '003000000000001AAA',
    CreatedDate: '2026-12-02T07:00:00.000+0000',
    LastModifiedDate: '2026-12-02T08:00:00.000Z',
  };

  it('maps the REST fields of a case', () => {
    expect(canonicalCase({ ...base, Status: 'New', Priority: 'High', IsEscalated: false, IsClosed: false })).toEqual({
      status: 'new',
      priority: 'high',
      ownerId: '005000000000001AAA',
      contactId: '003000000000001AAA',
      subject: 'Wrong VAT',
      number: '00001001',
      isEscalated: false,
      createdAt: Date.parse('2026-12-02T07:00:00Z'),
      modifiedAt: Date.parse('2026-12-02T08:00:00Z'),
    });
  });

  it.each([
    ['New', 'new'],
    ['Working', 'open'],
    ['Escalated', 'open'],
    ['Waiting on Customer', 'waiting'],
    ['Closed', 'closed'],
    ['waiting on customer', 'waiting'],
    ['On Hold (vendor)', 'open'],
  ])('status %s → %s', (Status, status) => {
    expect(canonicalCase({ Status }).status).toBe(status);
  });

  it('treats IsClosed as closed whatever the status is called', () => {
    expect(canonicalCase({ Status: 'Resolved', IsClosed: true }).status).toBe('closed');
    expect(canonicalCase({ Status: 'Resolved', IsClosed: 'true' }).status).toBe('closed'); // Outbound Messages carry text
  });

  it.each([
    ['High', 'high'],
    ['Medium', 'medium'],
    ['Low', 'low'],
    ['Critical', 'urgent'],
    ['Urgent', 'urgent'],
    ['P9', undefined],
    [null, undefined],
  ])('priority %s → %s', (Priority, priority) => {
    expect(canonicalCase({ Priority }).priority).toBe(priority);
  });

  it('applies overrides before the defaults', () => {
    const mapping = {
      statuses: { 'On Hold': 'waiting', New: 'open' },
      priorities: { P1: 'urgent', Low: 'medium' },
    } as const;
    expect(canonicalCase({ Status: 'On Hold', Priority: 'P1' }, mapping)).toMatchObject({
      status: 'waiting',
      priority: 'urgent',
    });
    expect(canonicalCase({ Status: 'New', Priority: 'Low' }, mapping)).toMatchObject({
      status: 'open',
      priority: 'medium',
    });
    expect(canonicalCase({ Status: 'Working' }, mapping).status).toBe('open');
  });

  it('reads text flags and tolerates missing or broken values', () => {
    expect(canonicalCase({ IsEscalated: 'true' }).isEscalated).toBe(true);
    expect(canonicalCase({ IsEscalated: 'false' }).isEscalated).toBe(false);
    expect(canonicalCase({})).toMatchObject({
      status: 'open',
      priority: undefined,
      ownerId: undefined,
      createdAt: undefined,
    });
    expect(canonicalCase({ CreatedDate: 'yesterday' }).createdAt).toBeUndefined();
  });

  it('always answers a canonical status, whatever the fields', () => {
    const value = fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.record({ Status: value, IsClosed: value, Priority: value }), (fields) => {
        const mapped = canonicalCase(fields);
        expect(CASE_STATUSES).toContain(mapped.status);
        if (fields.IsClosed === true) expect(mapped.status).toBe('closed');
      }),
    );
  });
});

describe('canonicalOrder', () => {
  const order = {
    OrderNumber: '00000101',
    Status: 'Activated',
    OwnerId: '005000000000001AAA',
    ShipToContactId: '003000000000001AAA',
    Promised_Date__c: '2026-12-09',
    Expedite__c: true,
    Shipped_Date__c: null,
    CreatedDate: '2026-12-07T07:00:00.000+0000',
  };

  it('maps the default custom fields', () => {
    expect(canonicalOrder(order)).toEqual({
      status: 'Activated',
      promisedAt: '2026-12-09',
      expedite: true,
      shippedAt: undefined,
      deliveredAt: undefined,
      contactId: '003000000000001AAA',
      ownerId: '005000000000001AAA',
      number: '00000101',
      createdAt: Date.parse('2026-12-07T07:00:00Z'),
      modifiedAt: undefined,
    });
  });

  it('reads configured fields instead, and text flags from Outbound Messages', () => {
    const mapped = canonicalOrder(
      {
        Promise__c: '2026-12-10T12:00:00Z',
        Rush__c: 'true',
        Fulfilment_Status__c: 'Packed',
        BillToContactId: '003000000000002AAA',
        Shipped__c: '2026-12-08',
      },
      {
        fields: {
          'order.promisedAt': 'Promise__c',
          'order.expedite': 'Rush__c',
          'order.status': 'Fulfilment_Status__c',
          'order.contact': 'BillToContactId',
          'order.shippedAt': 'Shipped__c',
        },
      },
    );
    expect(mapped).toMatchObject({
      promisedAt: '2026-12-10T12:00:00Z',
      expedite: true,
      status: 'Packed',
      contactId: '003000000000002AAA',
      shippedAt: '2026-12-08',
    });
    expect(canonicalOrder({ Expedite__c: 'false' }).expedite).toBe(false);
  });
});
