import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AINO, EERO, JUHA, MAIJA, apiError, startFixture, type Fixture } from './support/portal-fixture.ts';

const filter = (propertyName: string, operator: string, value?: string, extra: Record<string, unknown> = {}) =>
  ({ propertyName, operator, ...(value === undefined ? {} : { value }), ...extra }) as any;

/** Search through the real client: operators, groups, one sort, paging, association filters. */
describe('HubSpot emulator: search', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await startFixture();
    const { portal } = fx.emulator;
    const tickets: [string, Record<string, unknown>][] = [
      [
        '9001',
        { subject: 'Router keeps rebooting', hs_ticket_priority: 'HIGH', hubspot_owner_id: AINO, contactId: MAIJA },
      ],
      [
        '9002',
        { subject: 'Cannot log in to portal', hs_ticket_priority: 'LOW', hubspot_owner_id: EERO, contactId: JUHA },
      ],
      ['9003', { subject: 'Router firmware question', hs_ticket_priority: 'MEDIUM', contactId: MAIJA }],
      ['9004', { subject: 'Invoice copy', hs_ticket_priority: 'URGENT', hubspot_owner_id: AINO }],
    ];
    for (const [id, fields] of tickets) {
      portal.apply({ op: 'create', type: 'tickets', id, fields });
      fx.clock.advanceBy(60 * 60_000); // one an hour: createdate orders them
    }
  });
  afterAll(() => fx.close());

  async function ids(filterGroups: { filters: any[] }[], extra: Record<string, unknown> = {}) {
    const answer = await fx.client.crm.tickets.searchApi.doSearch({ filterGroups, limit: 100, ...extra } as any);
    return answer.results.map((ticket) => ticket.id);
  }

  it('compares with EQ (any case), NEQ, IN, HAS_PROPERTY and NOT_HAS_PROPERTY', async () => {
    expect(await ids([{ filters: [filter('hs_ticket_priority', 'EQ', 'high')] }])).toEqual(['9001']);
    expect(await ids([{ filters: [filter('hs_ticket_priority', 'NEQ', 'HIGH')] }])).toEqual(['9002', '9003', '9004']);
    expect(
      await ids([{ filters: [filter('hs_ticket_priority', 'IN', undefined, { values: ['LOW', 'URGENT'] })] }]),
    ).toEqual(['9002', '9004']);
    expect(await ids([{ filters: [filter('hubspot_owner_id', 'NOT_HAS_PROPERTY')] }])).toEqual(['9003']);
    expect(await ids([{ filters: [filter('hubspot_owner_id', 'HAS_PROPERTY')] }])).toHaveLength(3);
    expect(await ids([{ filters: [filter('constructor', 'HAS_PROPERTY')] }])).toEqual([]); // not Object's
  });

  it('orders datetimes given as epoch milliseconds or ISO (GT, GTE, LT, LTE, BETWEEN)', async () => {
    const nine = String(Date.parse('2026-11-30T09:00:00Z'));
    expect(await ids([{ filters: [filter('createdate', 'GTE', nine)] }])).toEqual(['9003', '9004']);
    expect(await ids([{ filters: [filter('createdate', 'GT', '2026-11-30T09:00:00Z')] }])).toEqual(['9004']);
    expect(await ids([{ filters: [filter('createdate', 'LT', nine)] }])).toEqual(['9001', '9002']);
    expect(await ids([{ filters: [filter('createdate', 'LTE', nine)] }])).toEqual(['9001', '9002', '9003']);
    expect(
      await ids([{ filters: [filter('createdate', 'BETWEEN', '2026-11-30T08:00:00Z', { highValue: nine })] }]),
    ).toEqual(['9002', '9003']);
  });

  it('ANDs the filters of a group and ORs the groups', async () => {
    const router = filter('subject', 'CONTAINS_TOKEN', 'router');
    expect(await ids([{ filters: [router, filter('hs_ticket_priority', 'EQ', 'MEDIUM')] }])).toEqual(['9003']);
    expect(await ids([{ filters: [router] }, { filters: [filter('hs_ticket_priority', 'EQ', 'URGENT')] }])).toEqual([
      '9001',
      '9003',
      '9004',
    ]);
    expect(await ids([{ filters: [filter('subject', 'CONTAINS_TOKEN', 'log*')] }])).toEqual(['9002']);
    expect(await ids([{ filters: [filter('subject', 'NOT_CONTAINS_TOKEN', 'router')] }])).toEqual(['9002', '9004']);
  });

  it('filters on associated records with associations.<object>', async () => {
    expect(await ids([{ filters: [filter('associations.contact', 'EQ', MAIJA)] }])).toEqual(['9001', '9003']);
    expect(await ids([{ filters: [filter('associations.contacts', 'IN', undefined, { values: [JUHA] })] }])).toEqual([
      '9002',
    ]);
  });

  it('sorts by one property (documented object form and the string form), and pages with after', async () => {
    const sorted = await ids([], { sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }] });
    expect(sorted).toEqual(['9004', '9003', '9002', '9001']);
    expect(await ids([], { sorts: ['-hs_ticket_priority'] })).toEqual(['9004', '9003', '9002', '9001']);
    const first = await fx.client.crm.tickets.searchApi.doSearch({ limit: 3, properties: ['subject'] } as any);
    expect(first.total).toBe(4);
    expect(first.results.map((ticket) => ticket.id)).toEqual(['9001', '9002', '9003']);
    expect(Object.keys(first.results[0]?.properties ?? {}).sort()).toEqual([
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'subject',
    ]);
    expect(first.paging?.next?.after).toBe('3');
    const rest = await fx.client.crm.tickets.searchApi.doSearch({ limit: 3, after: '3' } as any);
    expect(rest.results.map((ticket) => ticket.id)).toEqual(['9004']);
    expect(rest.paging).toBeUndefined();
  });

  it('finds words anywhere with query', async () => {
    expect(await ids([], { query: 'router question' })).toEqual(['9003']);
  });

  it('refuses what HubSpot refuses: over 200 a page, unknown operators, too many groups', async () => {
    const big = await apiError(fx.client.crm.tickets.searchApi.doSearch({ limit: 201 } as any));
    expect(big.code).toBe(400);
    const operator = await apiError(
      fx.client.crm.tickets.searchApi.doSearch({
        filterGroups: [{ filters: [filter('subject', 'LIKE', 'x')] }],
      } as any),
    );
    expect(operator.body.message).toContain('Unknown filter operator LIKE');
    const groups = await apiError(
      fx.client.crm.tickets.searchApi.doSearch({
        filterGroups: Array.from({ length: 6 }, () => ({ filters: [filter('subject', 'HAS_PROPERTY')] })),
      } as any),
    );
    expect(groups.body.category).toBe('VALIDATION_ERROR');
  });
});
