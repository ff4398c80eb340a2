import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AINO, MAIJA, apiError, startFixture, type Fixture } from './support/portal-fixture.ts';

const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED' as any;
const toContact = (id: string, associationTypeId: number) => ({
  to: { id },
  types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId }],
});

/** Records through the real @hubspot/api-client: create, read, update, archive, list, and refusals. */
describe('HubSpot emulator: records', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await startFixture();
  });
  afterEach(() => fx.close());

  it('creates a ticket with its contact and fills what HubSpot fills', async () => {
    const created = await fx.client.crm.tickets.basicApi.create({
      properties: { subject: 'Router keeps rebooting', hs_ticket_priority: 'HIGH', hubspot_owner_id: AINO },
      associations: [toContact(MAIJA, 16)],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.createdAt).toEqual(new Date('2026-11-30T07:00:00.000Z'));
    expect(created.archived).toBe(false);
    expect(created.properties).toMatchObject({
      subject: 'Router keeps rebooting',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      hs_object_id: created.id,
      createdate: '2026-11-30T07:00:00.000Z',
      hs_lastmodifieddate: '2026-11-30T07:00:00.000Z',
    });
    const read = await fx.client.crm.tickets.basicApi.getById(
      created.id,
      ['subject', 'hs_ticket_priority', 'no_such_property'],
      undefined,
      ['contacts'],
    );
    expect(read.properties).toEqual({
      createdate: '2026-11-30T07:00:00.000Z',
      hs_lastmodifieddate: '2026-11-30T07:00:00.000Z',
      hs_object_id: created.id,
      hs_ticket_priority: 'HIGH',
      subject: 'Router keeps rebooting',
    });
    expect(read.associations?.contacts?.results).toEqual([{ id: MAIJA, type: 'ticket_to_contact' }]);
  });

  it('answers the default properties when none are asked for, nulls included', async () => {
    const { id } = await fx.client.crm.tickets.basicApi.create({ properties: { subject: 'Defaults' } });
    const read = await fx.client.crm.tickets.basicApi.getById(id);
    expect(Object.keys(read.properties).sort()).toEqual([
      'content',
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'hs_pipeline',
      'hs_pipeline_stage',
      'hs_ticket_category',
      'hs_ticket_priority',
      'subject',
    ]);
    expect(read.properties.content).toBeNull();
    expect(read.associations).toBeUndefined();
  });

  it('updates with PATCH: the clock moves hs_lastmodifieddate, closing stamps closed_date', async () => {
    const { id } = await fx.client.crm.tickets.basicApi.create({ properties: { subject: 'Close me' } });
    fx.clock.advanceBy(90 * 60_000);
    const updated = await fx.client.crm.tickets.basicApi.update(id, { properties: { hs_pipeline_stage: '4' } });
    expect(updated.updatedAt).toEqual(new Date('2026-11-30T08:30:00.000Z'));
    expect(updated.properties).toMatchObject({
      hs_pipeline_stage: '4',
      closed_date: '2026-11-30T08:30:00.000Z',
      hs_lastmodifieddate: '2026-11-30T08:30:00.000Z',
      createdate: '2026-11-30T07:00:00.000Z',
    });
    expect(fx.emulator.portal.get('tickets', id)?.properties.hs_pipeline_stage).toBe('4');
  });

  it('archives with DELETE (204, again too); the record is then not found', async () => {
    const { id } = await fx.client.crm.tickets.basicApi.create({ properties: { subject: 'Gone' } });
    await fx.client.crm.tickets.basicApi.archive(id);
    await fx.client.crm.tickets.basicApi.archive(id);
    const error = await apiError(fx.client.crm.tickets.basicApi.getById(id));
    expect(error.code).toBe(404);
    expect(error.body).toMatchObject({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: 'Object not found.  objectId are usually numeric.',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('creates tasks and notes with their defaults, and requires hs_timestamp as HubSpot does', async () => {
    const task = await fx.client.crm.objects.tasks.basicApi.create({
      properties: { hs_task_subject: 'Call Maija', hs_timestamp: '1764586800000' },
      associations: [toContact(MAIJA, 204)],
    });
    expect(task.properties).toMatchObject({
      hs_task_status: 'NOT_STARTED',
      hs_task_type: 'TODO',
      hs_timestamp: '2025-12-01T11:00:00.000Z',
      hs_createdate: '2026-11-30T07:00:00.000Z',
    });
    expect(fx.emulator.portal.associatedIds('contacts', MAIJA, 'tasks')).toEqual([task.id]);
    const missing = await apiError(fx.client.crm.objects.notes.basicApi.create({ properties: { hs_note_body: 'x' } }));
    expect(missing.code).toBe(400);
    expect(missing.body.errors).toEqual([
      { message: 'hs_timestamp is required', code: 'REQUIRED_PROPERTY', context: { propertyName: ['hs_timestamp'] } },
    ]);
  });

  it('reaches orders through the generic objects API, with dates and booleans as HubSpot keeps them', async () => {
    const order = await fx.client.crm.objects.basicApi.create('orders', {
      properties: { hs_order_name: 'Camping supplies', promised_date: '2026-12-09', expedite: 'true' },
      associations: [toContact(MAIJA, 507)],
    });
    await fx.client.crm.objects.basicApi.update('orders', order.id, {
      properties: { shipped_date: String(Date.parse('2026-12-08T00:00:00Z')), expedite: 'FALSE' },
    });
    const read = await fx.client.crm.objects.basicApi.getById(
      'orders',
      order.id,
      ['promised_date', 'shipped_date', 'expedite'],
      undefined,
      ['contact'],
    );
    expect(read.properties).toMatchObject({
      promised_date: '2026-12-09',
      shipped_date: '2026-12-08',
      expedite: 'false',
    });
    expect(read.associations?.contacts?.results).toEqual([{ id: MAIJA, type: 'order_to_contact' }]);
  });

  it('refuses what HubSpot refuses, every bad property at once, and writes nothing', async () => {
    const error = await apiError(
      fx.client.crm.tickets.basicApi.create({
        properties: {
          subject: 'Bad',
          colour: 'red',
          hs_ticket_priority: 'SOON',
          hs_ticket_id: '5',
          hubspot_owner_id: '999',
        },
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body.category).toBe('VALIDATION_ERROR');
    expect(error.body.message).toMatch(/^Property values were not valid: \[/);
    expect(error.body.errors.map((e: { code: string }) => e.code)).toEqual([
      'PROPERTY_DOESNT_EXIST',
      'INVALID_OPTION',
      'READ_ONLY_VALUE',
      'INVALID_OWNER_ID',
    ]);
    expect(error.body.errors[0]).toEqual({
      message: 'Property "colour" does not exist',
      code: 'PROPERTY_DOESNT_EXIST',
      context: { propertyName: ['colour'] },
    });
    expect(fx.emulator.portal.records('tickets')).toEqual([]);
    const dates = await apiError(
      fx.client.crm.objects.basicApi.create('orders', { properties: { promised_date: '1765274400000' } }),
    );
    expect(dates.body.errors[0]).toMatchObject({ code: 'INVALID_DATE' });
  });

  it('refuses an association type that does not fit the objects', async () => {
    const error = await apiError(
      fx.client.crm.objects.tasks.basicApi.create({
        properties: { hs_timestamp: '2026-12-01T10:00:00Z' },
        associations: [toContact(MAIJA, 16)], // ticket→contact, not a task's
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body.message).toContain('association type 16 is not valid from tasks');
    const gone = await apiError(
      fx.client.crm.tickets.basicApi.create({ properties: {}, associations: [toContact('599', 16)] }),
    );
    expect(gone.body.message).toContain('599 does not exist');
  });

  it('lists a page of records in id order', async () => {
    for (const subject of ['A', 'B', 'C']) await fx.client.crm.tickets.basicApi.create({ properties: { subject } });
    const first = await fx.client.crm.tickets.basicApi.getPage(2, undefined, ['subject']);
    expect(first.results.map((ticket) => ticket.properties.subject)).toEqual(['A', 'B']);
    const rest = await fx.client.crm.tickets.basicApi.getPage(2, first.paging?.next?.after, ['subject']);
    expect(rest.results.map((ticket) => ticket.properties.subject)).toEqual(['C']);
    expect(rest.paging).toBeUndefined();
  });

  it('answers JSON as HubSpot spells it', async () => {
    const response = await fetch(`${fx.emulator.url}/crm/v3/objects/contacts/${MAIJA}?properties=firstname`, {
      headers: { authorization: `Bearer ${fx.emulator.accessToken}` },
    });
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(response.headers.get('x-hubspot-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({ id: MAIJA, properties: { firstname: 'Maija' }, archived: false });
  });
});
