import { describe, expect, it } from 'vitest';
import { AssociationTypes, type AssociationLabel } from '../../../../lib/crm/hubspot/association-types.ts';

describe('AssociationTypes', () => {
  it('uses the documented ids without asking', async () => {
    const types = new AssociationTypes(async () => {
      throw new Error('not asked');
    });
    expect(await types.typeId('tasks', 'tickets')).toBe(230);
    expect(await types.typeId('tasks', 'contacts')).toBe(204);
    expect(await types.typeId('notes', 'tickets')).toBe(228);
    expect(await types.typeId('notes', 'contacts')).toBe(202);
  });

  it('asks the portal once for the others, taking the unlabeled HubSpot-defined type', async () => {
    let asked = 0;
    const labels: AssociationLabel[] = [
      { category: 'USER_DEFINED', typeId: 31, label: 'Rush' },
      { category: 'HUBSPOT_DEFINED', typeId: 725, label: null },
    ];
    const types = new AssociationTypes(async () => (asked++, labels));
    expect(await types.typeId('tasks', 'orders')).toBe(725);
    expect(await types.typeId('tasks', 'orders')).toBe(725);
    expect(asked).toBe(1);
  });

  it('asks again after a failed lookup, and says so when HubSpot defines none', async () => {
    let calls = 0;
    const types = new AssociationTypes(async () => {
      calls += 1;
      if (calls === 1) throw new Error('503');
      return [];
    });
    await expect(types.typeId('notes', 'orders')).rejects.toThrow('503');
    await expect(types.typeId('notes', 'orders')).rejects.toMatchObject({
      code: 'NO_ASSOCIATION_TYPE',
      retryable: false,
    });
    expect(calls).toBe(2);
  });
});
