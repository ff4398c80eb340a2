import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AINO, EERO, MAIJA, apiError, startFixture, type Fixture } from './support/portal-fixture.ts';

/** The batch endpoints through the real client: 100 at a time, 207 for ids that do not exist. */
describe('HubSpot emulator: batch', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await startFixture();
  });
  afterEach(() => fx.close());

  const createTickets = (...subjects: string[]) =>
    fx.client.crm.tickets.batchApi.create({
      inputs: subjects.map((subject) => ({
        properties: { subject, hubspot_owner_id: AINO },
        associations: [
          { to: { id: MAIJA }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as any, associationTypeId: 16 }] },
        ],
      })),
    });

  it('creates many at once (201), with their associations', async () => {
    const created = await createTickets('One', 'Two');
    expect(created.status).toBe('COMPLETE');
    expect(created.results.map((ticket) => ticket.properties.subject)).toEqual(['One', 'Two']);
    expect(created.startedAt).toEqual(new Date('2026-11-30T07:00:00.000Z'));
    expect(fx.emulator.portal.associatedIds('contacts', MAIJA, 'tickets')).toEqual(created.results.map((t) => t.id));
  });

  it('creates all or none: one bad input refuses the batch', async () => {
    const error = await apiError(
      fx.client.crm.tickets.batchApi.create({
        inputs: [
          { properties: { subject: 'Fine' }, associations: [] },
          { properties: { nope: 'x' }, associations: [] },
        ],
      }),
    );
    expect(error.code).toBe(400);
    expect(fx.emulator.portal.records('tickets')).toEqual([]);
  });

  it('reads the ones that exist and answers 207 with the ids that do not', async () => {
    const { results } = await createTickets('One', 'Two');
    const ids = results.map((ticket) => ticket.id);
    const all = await fx.client.crm.tickets.batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties: ['subject'],
      propertiesWithHistory: [],
    });
    expect(all.results.map((ticket) => ticket.properties.subject).sort()).toEqual(['One', 'Two']);
    expect('errors' in all).toBe(false);
    const some = (await fx.client.crm.tickets.batchApi.read({
      inputs: [{ id: ids[0] as string }, { id: '404404' }],
      properties: ['subject'],
      propertiesWithHistory: [],
    })) as any;
    expect(some.results).toHaveLength(1);
    expect(some.numErrors).toBe(1);
    expect(some.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['404404'] } });
  });

  it('updates many, and archives many (204)', async () => {
    const { results } = await createTickets('One', 'Two');
    const updated = await fx.client.crm.tickets.batchApi.update({
      inputs: results.map((ticket) => ({ id: ticket.id, properties: { hubspot_owner_id: EERO } })),
    });
    expect(updated.results.map((ticket) => ticket.properties.hubspot_owner_id)).toEqual([EERO, EERO]);
    await fx.client.crm.tickets.batchApi.archive({ inputs: results.map((ticket) => ({ id: ticket.id })) });
    expect(fx.emulator.portal.records('tickets')).toEqual([]);
  });

  it('takes at most 100 inputs', async () => {
    const error = await apiError(
      fx.client.crm.objects.batchApi.read('tickets', {
        inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) })),
        properties: [],
        propertiesWithHistory: [],
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body.message).toContain('limited to 100');
  });
});
