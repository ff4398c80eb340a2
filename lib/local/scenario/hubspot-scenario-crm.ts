/** The HubSpot emulator as a scenario sees it: property names, signed webhooks on change. */
import { toIso } from '../../core/time/instant.ts';
import type { HsRecord, HubSpotEmulator } from '../emulator/hubspot/index.ts';
import { propertyOf } from '../emulator/hubspot/portal.ts';
import type { NoteOutput, TaskOutput } from './output.ts';
import type { ScenarioCrm } from './scenario-crm.ts';
import type { Scenario, ScenarioEvent } from './schema.ts';

const OBJECTS = { case: 'tickets', order: 'orders', task: 'tasks', contact: 'contacts' } as const;

export function hubspotScenarioCrm(hubspot: HubSpotEmulator): ScenarioCrm {
  const portal = hubspot.portal;
  /** The ticket or order a task or note belongs to. */
  const parentOf = (type: 'tasks' | 'notes', id: string) =>
    portal.associatedIds(type, id, 'tickets')[0] ?? portal.associatedIds(type, id, 'orders')[0];

  return {
    seed(records: Scenario['records']) {
      for (const record of records) {
        if (record.type === 'owner') {
          const { name, email } = record.fields;
          portal.seedOwner({
            ...(record.id ? { id: record.id } : {}),
            name: String(name ?? record.id ?? 'Owner'),
            ...(typeof email === 'string' ? { email } : {}),
          });
        } else {
          portal.seed({ type: OBJECTS[record.type], ...(record.id ? { id: record.id } : {}), fields: record.fields });
        }
      }
    },

    apply(event: ScenarioEvent) {
      const kind = event.create ?? event.update ?? event.delete;
      if (!kind) throw new Error('no change to make');
      const type = OBJECTS[kind];
      if (event.create) {
        portal.apply({ op: 'create', type, ...(event.id ? { id: event.id } : {}), fields: event.fields ?? {} });
        return;
      }
      const id =
        event.id ?? oldestMatch(portal.records(type), type, event.match ?? {}, (task) => parentOf('tasks', task.id));
      if (event.update) portal.apply({ op: 'update', type, id, fields: event.fields ?? {} });
      else portal.apply({ op: 'delete', type, id });
    },

    tasks: (): TaskOutput[] =>
      portal.records('tasks').map((task) => {
        const due = instant(propertyOf(task, 'hs_timestamp'));
        const relatedTo = parentOf('tasks', task.id);
        const body = propertyOf(task, 'hs_task_body');
        return {
          id: task.id,
          subject: propertyOf(task, 'hs_task_subject') ?? '',
          ownerId: propertyOf(task, 'hubspot_owner_id') ?? '',
          type: taskType(task),
          status: propertyOf(task, 'hs_task_status') === 'COMPLETED' ? 'completed' : 'open',
          createdAt: toIso(task.createdAt),
          ...(due !== undefined ? { dueAt: toIso(due) } : {}),
          ...(relatedTo ? { relatedTo } : {}),
          ...(body ? { description: body } : {}),
        };
      }),

    notes: (): NoteOutput[] =>
      portal.records('notes').map((note) => ({
        relatedTo: parentOf('notes', note.id) ?? '',
        createdAt: toIso(note.createdAt),
        body: propertyOf(note, 'hs_note_body') ?? '',
      })),

    records: () =>
      (['case', 'order'] as const).flatMap((kind) =>
        portal.records(OBJECTS[kind]).map((record) => ({ kind, id: record.id, fields: { ...record.properties } })),
      ),
  };
}

function oldestMatch(
  records: readonly HsRecord[],
  type: string,
  match: NonNullable<ScenarioEvent['match']>,
  parentOf: (record: HsRecord) => string | undefined,
): string {
  const found = records
    .filter((record) => match.relatedTo === undefined || parentOf(record) === match.relatedTo)
    .filter((record) => match.type === undefined || taskType(record) === match.type)
    .filter((record) => match.ownerId === undefined || propertyOf(record, 'hubspot_owner_id') === match.ownerId)
    .filter(
      (record) =>
        match.subjectContains === undefined ||
        (propertyOf(record, 'hs_task_subject') ?? '').includes(match.subjectContains),
    )
    .sort((a, b) => a.createdAt - b.createdAt);
  const first = found[0];
  if (!first) throw new Error(`no ${type} matches ${JSON.stringify(match)}`);
  return first.id;
}

function taskType(task: HsRecord): 'call' | 'todo' {
  return propertyOf(task, 'hs_task_type') === 'CALL' ? 'call' : 'todo';
}

/** HubSpot writes datetimes as epoch milliseconds or ISO text. */
function instant(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
