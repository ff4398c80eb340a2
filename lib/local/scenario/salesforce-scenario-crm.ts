/** The Salesforce emulator as a scenario sees it: native field names, Outbound Messages on change. */
import { fromIso, toIso } from '../../core/time/instant.ts';
import type { SalesforceEmulator, SfRecord } from '../emulator/salesforce/index.ts';
import type { NoteOutput, TaskOutput } from './output.ts';
import type { ScenarioCrm } from './scenario-crm.ts';
import type { Scenario, ScenarioEvent } from './schema.ts';

const OBJECTS = { case: 'Case', order: 'Order', task: 'Task', contact: 'Contact' } as const;

export function salesforceScenarioCrm(salesforce: SalesforceEmulator): ScenarioCrm {
  const org = salesforce.org;
  return {
    seed(records: Scenario['records']) {
      for (const record of records) {
        if (record.type === 'owner') {
          const { name, email, kind } = record.fields;
          org.seedOwner({
            ...(record.id ? { id: record.id } : {}),
            name: String(name ?? record.id ?? 'Owner'),
            ...(typeof email === 'string' ? { email } : {}),
            ...(kind === 'queue' ? { kind: 'queue' as const } : {}),
          });
        } else {
          org.seed({ type: OBJECTS[record.type], ...(record.id ? { id: record.id } : {}), fields: record.fields });
        }
      }
    },

    apply(event: ScenarioEvent) {
      const kind = event.create ?? event.update ?? event.delete;
      if (!kind) throw new Error('no change to make');
      const type = OBJECTS[kind];
      if (event.create) {
        org.apply({ op: 'create', type, ...(event.id ? { id: event.id } : {}), fields: event.fields ?? {} });
        return;
      }
      const id = event.id ?? oldestMatch(org.records(type), type, event.match ?? {});
      if (event.update) org.apply({ op: 'update', type, id, fields: event.fields ?? {} });
      else org.apply({ op: 'delete', type, id });
    },

    tasks: (): TaskOutput[] =>
      org.records('Task').map((task) => ({
        id: String(task['Id']),
        subject: String(task['Subject'] ?? ''),
        ownerId: String(task['OwnerId'] ?? ''),
        type: taskType(task),
        status: task['IsClosed'] === true ? 'completed' : 'open',
        createdAt: iso(task['CreatedDate']),
        ...(task['ReminderDateTime'] ? { dueAt: iso(task['ReminderDateTime']) } : {}),
        ...(task['WhatId'] ? { relatedTo: String(task['WhatId']) } : {}),
        ...(task['Description'] ? { description: String(task['Description']) } : {}),
      })),

    notes: (): NoteOutput[] => [
      ...org.records('CaseComment').map((comment) => ({
        relatedTo: String(comment['ParentId']),
        createdAt: iso(comment['CreatedDate']),
        body: String(comment['CommentBody'] ?? ''),
      })),
      ...org.records('Note').map((note) => ({
        relatedTo: String(note['ParentId']),
        createdAt: iso(note['CreatedDate']),
        body: String(note['Body'] ?? note['Title'] ?? ''),
      })),
    ],

    records: () =>
      (['case', 'order'] as const).flatMap((kind) =>
        org.records(OBJECTS[kind]).map((record) => ({
          kind,
          id: String(record['Id']),
          fields: Object.fromEntries(Object.entries(record).filter(([field]) => field !== 'attributes')),
        })),
      ),
  };
}

/** The oldest record that matches (a scenario's `match:` instead of an id). */
function oldestMatch(records: readonly SfRecord[], type: string, match: NonNullable<ScenarioEvent['match']>): string {
  const found = records
    .filter(
      (record) =>
        match.relatedTo === undefined || record['WhatId'] === match.relatedTo || record['ParentId'] === match.relatedTo,
    )
    .filter((record) => match.type === undefined || taskType(record) === match.type)
    .filter((record) => match.ownerId === undefined || record['OwnerId'] === match.ownerId)
    .filter(
      (record) =>
        match.subjectContains === undefined || String(record['Subject'] ?? '').includes(match.subjectContains),
    )
    .sort((a, b) => String(a['CreatedDate']).localeCompare(String(b['CreatedDate'])));
  const first = found[0];
  if (!first) throw new Error(`no ${type} matches ${JSON.stringify(match)}`);
  return String(first['Id']);
}

function taskType(task: SfRecord): 'call' | 'todo' {
  return task['TaskSubtype'] === 'Call' || task['Type'] === 'Call' ? 'call' : 'todo';
}

function iso(value: unknown): string {
  return typeof value === 'string' ? toIso(fromIso(value)) : '';
}
