import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CASE_STATUSES } from '../../../../lib/core/model/canonical.ts';
import {
  canonicalHubSpotOrder,
  canonicalTicket,
  nativeProperty,
  type CanonicalHubSpotOrder,
  type CanonicalTicket,
} from '../../../../lib/crm/hubspot/mapping.ts';
import type { CanonicalCase, CanonicalOrder } from '../../../../lib/crm/salesforce/mapping.ts';

describe('canonicalTicket', () => {
  const base = {
    hs_object_id: '9001',
    hs_ticket_id: '9001',
    subject: 'Router keeps rebooting',
    hubspot_owner_id: '101',
    contactId: '501',
    createdate: '2026-11-30T07:00:00.000Z',
    hs_lastmodifieddate: '2026-11-30T09:00:00.000Z',
  };

  it('has the shape of a Salesforce case, so the core reads either', () => {
    expectTypeOf<CanonicalTicket>().toEqualTypeOf<CanonicalCase>();
    expectTypeOf<CanonicalHubSpotOrder>().toEqualTypeOf<CanonicalOrder>();
  });

  it('maps the properties of a ticket read', () => {
    expect(canonicalTicket({ ...base, hs_pipeline_stage: '1', hs_ticket_priority: 'HIGH' })).toEqual({
      status: 'new',
      priority: 'high',
      ownerId: '101',
      contactId: '501',
      subject: 'Router keeps rebooting',
      number: '9001',
      isEscalated: false,
      createdAt: Date.parse('2026-11-30T07:00:00Z'),
      modifiedAt: Date.parse('2026-11-30T09:00:00Z'),
    });
  });

  it.each([
    ['1', 'new'],
    ['2', 'waiting'],
    ['3', 'open'],
    ['4', 'closed'],
    ['98765432', 'open'],
  ])('default pipeline stage %s → %s', (hs_pipeline_stage, status) => {
    expect(canonicalTicket({ hs_pipeline_stage }).status).toBe(status);
  });

  it.each([
    ['URGENT', 'urgent'],
    ['HIGH', 'high'],
    ['MEDIUM', 'medium'],
    ['LOW', 'low'],
    ['high', 'high'],
    ['P9', undefined],
    [null, undefined],
    ['', undefined],
  ])('priority %s → %s', (hs_ticket_priority, priority) => {
    expect(canonicalTicket({ hs_ticket_priority }).priority).toBe(priority);
  });

  it('applies config stages and priorities before the defaults', () => {
    const mapping = {
      stages: { '98765432': 'waiting', '4': 'open' },
      priorities: { P1: 'urgent', LOW: 'medium' },
    } as const;
    expect(canonicalTicket({ hs_pipeline_stage: '98765432', hs_ticket_priority: 'P1' }, mapping)).toMatchObject({
      status: 'waiting',
      priority: 'urgent',
    });
    expect(canonicalTicket({ hs_pipeline_stage: '4', hs_ticket_priority: 'LOW' }, mapping)).toMatchObject({
      status: 'open',
      priority: 'medium',
    });
    expect(canonicalTicket({ hs_pipeline_stage: '2' }, mapping).status).toBe('waiting');
  });

  it('falls back for the number, reads webhook milliseconds, tolerates missing or broken values', () => {
    expect(canonicalTicket({ hs_object_id: '77' }).number).toBe('77');
    expect(canonicalTicket({ createdate: String(Date.parse('2026-12-01T10:00:00Z')) }).createdAt).toBe(
      Date.parse('2026-12-01T10:00:00Z'),
    );
    expect(canonicalTicket({ createdate: 'yesterday' }).createdAt).toBeUndefined();
    expect(canonicalTicket({ hs_pipeline_stage: 'valueOf', hs_ticket_priority: 'constructor' })).toMatchObject({
      status: 'open',
      priority: undefined,
    });
    expect(canonicalTicket({})).toMatchObject({
      status: 'open',
      priority: undefined,
      ownerId: undefined,
      contactId: undefined,
    });
  });

  it('always answers a canonical status, whatever the properties', () => {
    const value = fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.record({ hs_pipeline_stage: value, hs_ticket_priority: value }), (fields) => {
        expect(CASE_STATUSES).toContain(canonicalTicket(fields).status);
      }),
    );
  });
});

describe('canonicalHubSpotOrder', () => {
  it('maps the default properties and the associated contact', () => {
    expect(
      canonicalHubSpotOrder({
        hs_object_id: '7001',
        hs_pipeline_stage: 'processed',
        hubspot_owner_id: '101',
        contactId: '501',
        promised_date: '2026-12-09',
        expedite: 'true',
        shipped_date: null,
        hs_createdate: '2026-12-07T07:00:00.000Z',
        hs_lastmodifieddate: '2026-12-07T08:00:00.000Z',
      }),
    ).toEqual({
      status: 'processed',
      promisedAt: '2026-12-09',
      expedite: true,
      shippedAt: undefined,
      deliveredAt: undefined,
      contactId: '501',
      ownerId: '101',
      number: '7001',
      createdAt: Date.parse('2026-12-07T07:00:00Z'),
      modifiedAt: Date.parse('2026-12-07T08:00:00Z'),
    });
  });

  it('reads webhook values: dates as milliseconds at UTC midnight, times as other milliseconds', () => {
    const mapped = canonicalHubSpotOrder({
      promised_date: String(Date.parse('2026-12-09T00:00:00Z')),
      delivered_date: String(Date.parse('2026-12-09T13:30:00Z')),
      expedite: 'false',
    });
    expect(mapped).toMatchObject({
      promisedAt: '2026-12-09',
      deliveredAt: '2026-12-09T13:30:00.000Z',
      expedite: false,
    });
  });

  it('reads configured properties instead', () => {
    const fields = {
      promise_by: '2026-12-10T12:00:00Z',
      rush: 'true',
      fulfilment_status: 'Packed',
      buyer_contact: '502',
      contactId: '501',
      hs_external_order_id: 'SHOP-1001',
    };
    const mapping = {
      fields: {
        'order.promisedAt': 'promise_by',
        'order.expedite': 'rush',
        'order.status': 'fulfilment_status',
        'order.contact': 'buyer_contact',
      },
    };
    expect(canonicalHubSpotOrder(fields, mapping)).toMatchObject({
      promisedAt: '2026-12-10T12:00:00Z',
      expedite: true,
      status: 'Packed',
      contactId: '502',
      number: 'SHOP-1001',
    });
    expect(nativeProperty(mapping, 'order.shippedAt')).toBe('shipped_date');
    expect(nativeProperty({}, 'contact.optedOut')).toBe('do_not_call');
  });
});
