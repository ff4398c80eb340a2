import type { FieldValue } from '../../../core/model/crm-event.ts';

/** An `owner` record of a scenario (shared/scenarios/README.md). */
export interface ScenarioOwner {
  readonly id?: string;
  readonly name: string;
  readonly email?: string;
  readonly kind?: 'user' | 'queue';
}

/** The User, or the Group of type Queue, that stands for a scenario owner. */
export function ownerRecord(owner: ScenarioOwner): {
  type: string;
  id?: string;
  fields: Record<string, FieldValue>;
} {
  const id = owner.id === undefined ? {} : { id: owner.id };
  if (owner.kind === 'queue') {
    const developerName = owner.name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
    return {
      type: 'Group',
      ...id,
      fields: { Name: owner.name, DeveloperName: developerName, Type: 'Queue', Email: owner.email ?? null },
    };
  }
  const parts = owner.name.trim().split(/\s+/);
  const lastName = parts.pop() ?? owner.name;
  return {
    type: 'User',
    ...id,
    fields: {
      FirstName: parts.join(' ') || null,
      LastName: lastName,
      Email: owner.email ?? null,
      Username: owner.email ?? `${owner.name.replace(/\s+/g, '.').toLowerCase()}@crmflow.emulator`,
      IsActive: true,
    },
  };
}
