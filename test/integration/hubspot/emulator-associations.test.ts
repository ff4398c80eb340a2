import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSOCIATION_TYPES } from '../../../lib/local/emulator/hubspot/index.ts';
import { JUHA, MAIJA, apiError, startFixture, type Fixture } from './support/portal-fixture.ts';

/** The v4 associations API through the real client, and the type ids it speaks. */
describe('HubSpot emulator: associations', () => {
  let fx: Fixture;
  let ticketId: string;
  let taskId: string;
  beforeEach(async () => {
    fx = await startFixture();
    const { portal } = fx.emulator;
    ticketId = portal.apply({ op: 'create', type: 'tickets', fields: { subject: 'A', contactId: MAIJA } }).id;
    taskId = portal.apply({ op: 'create', type: 'tasks', fields: { hs_task_subject: 'Call' } }).id;
  });
  afterEach(() => fx.close());

  const v4 = () => fx.client.crm.associations.v4;

  it('lists associations from either end, each with the type id of its direction', async () => {
    const fromTicket = await v4().basicApi.getPage('tickets', ticketId, 'contacts');
    expect(fromTicket.results).toEqual([
      { toObjectId: Number(MAIJA), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 16, label: null }] },
    ]);
    const fromContact = await v4().basicApi.getPage('contact', MAIJA, '0-5');
    expect(fromContact.results).toEqual([
      { toObjectId: Number(ticketId), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 15, label: null }] },
    ]);
  });

  it('associates with a type (PUT, 201) or the default type (PUT …/default, 200), and removes (DELETE)', async () => {
    const made = await v4().basicApi.create('tasks', taskId, 'tickets', ticketId, [
      { associationCategory: 'HUBSPOT_DEFINED' as any, associationTypeId: 230 },
    ]);
    expect(made).toMatchObject({
      fromObjectTypeId: '0-27',
      fromObjectId: Number(taskId),
      toObjectTypeId: '0-5',
      toObjectId: Number(ticketId),
    });
    const byDefault = await v4().basicApi.createDefault('tasks', taskId, 'contacts', JUHA);
    expect(byDefault.results.map((result) => result.associationSpec.associationTypeId)).toEqual([204, 203]);
    expect(fx.emulator.portal.associatedIds('tickets', ticketId, 'tasks')).toEqual([taskId]);
    await v4().basicApi.archive('tasks', taskId, 'tickets', ticketId);
    expect(fx.emulator.portal.associatedIds('tickets', ticketId, 'tasks')).toEqual([]);
    const wrong = await apiError(
      v4().basicApi.create('tasks', taskId, 'tickets', ticketId, [
        { associationCategory: 'HUBSPOT_DEFINED' as any, associationTypeId: 204 },
      ]),
    );
    expect(wrong.code).toBe(400);
  });

  it('pages long association lists', async () => {
    for (let i = 0; i < 3; i += 1) {
      fx.emulator.portal.apply({ op: 'create', type: 'tasks', fields: { contactId: JUHA } });
    }
    const first = await v4().basicApi.getPage('contacts', JUHA, 'tasks', undefined, 2);
    expect(first.results).toHaveLength(2);
    const rest = await v4().basicApi.getPage('contacts', JUHA, 'tasks', first.paging?.next?.after, 2);
    expect(rest.results).toHaveLength(1);
    expect(rest.paging).toBeUndefined();
  });

  it('reads associations of many records at once; records with none are errors of a 207', async () => {
    const answer = (await v4().batchApi.getPage('tickets', 'contacts', {
      inputs: [{ id: ticketId }, { id: '404404' }],
    })) as any;
    expect(answer.results).toEqual([
      {
        _from: { id: ticketId },
        to: [
          { toObjectId: Number(MAIJA), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 16, label: null }] },
        ],
      },
    ]);
    expect(answer.errors[0]).toMatchObject({ subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND' });
  });

  it('tells the type ids between two objects (labels), the way to learn undocumented ones', async () => {
    const types = await v4().schema.definitionsApi.getAll('tasks', 'orders');
    expect(types.results).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 725, label: null }]);
    expect((await v4().schema.definitionsApi.getAll('orders', 'tasks')).results[0]?.typeId).toBe(726);
  });

  it('knows the documented HubSpot-defined ids crmflow uses', () => {
    const id = (from: string, to: string) => ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to);
    expect(id('notes', 'tickets')).toMatchObject({ typeId: 228, documented: true });
    expect(id('tasks', 'tickets')).toMatchObject({ typeId: 230, documented: true });
    expect(id('tasks', 'contacts')).toMatchObject({ typeId: 204, documented: true });
    expect(id('notes', 'contacts')).toMatchObject({ typeId: 202, documented: true });
    expect(id('tickets', 'contacts')).toMatchObject({ typeId: 16, documented: true });
    expect(id('contacts', 'tickets')).toMatchObject({ typeId: 15, documented: true });
    expect(id('orders', 'contacts')).toMatchObject({ typeId: 507, documented: true });
    expect(id('orders', 'tasks')).toMatchObject({ typeId: 726, documented: true });
    expect(id('tasks', 'orders')).toMatchObject({ documented: false });
    expect(id('notes', 'orders')).toMatchObject({ documented: false });
  });
});
