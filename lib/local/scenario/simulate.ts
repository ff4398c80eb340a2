/**
 * Runs a loaded scenario through the whole local stack on a virtual clock: seed the CRM, make each
 * change at its moment (the emulator fires the CRM's webhooks), let crmflow work, then read what is
 * in the CRM and the outbox and check the expectations.
 */
import type { RecordRef } from '../../core/model/crm-event.ts';
import { fromIso, toIso, type Instant } from '../../core/time/instant.ts';
import { VirtualClock } from '../clock/index.ts';
import type { SalesforceEmulator, SfRecord } from '../emulator/salesforce/index.ts';
import { startLocalStack, type LocalStack } from '../stack.ts';
import { checkExpectations } from './expectations.ts';
import type { LoadedScenario } from './load-scenario.ts';
import { resolveTime } from './offset.ts';
import type { EmailOutput, NoteOutput, SimulationOutput, TaskOutput, TimelineEntry } from './output.ts';
import type { ScenarioEvent } from './schema.ts';

const SALESFORCE_OBJECTS = { case: 'Case', order: 'Order', task: 'Task', contact: 'Contact' } as const;

export async function simulate(loaded: LoadedScenario): Promise<SimulationOutput> {
  const { scenario, config, start, end } = loaded;
  if (scenario.crm !== 'salesforce') {
    throw new Error(`scenarios on ${scenario.crm} arrive with HubSpot support; this build simulates Salesforce`);
  }
  if (!config.crm.salesforce) throw new Error('the scenario runs on Salesforce, but its config has no crm.salesforce');
  const clock = new VirtualClock(start);
  const stack = await startLocalStack({ config, clock });
  const problems: string[] = [];
  try {
    const salesforce = stack.salesforce as SalesforceEmulator;
    seed(salesforce, scenario.records);
    const ordered = scenario.events
      .map((event, index) => ({ event, index, at: resolveTime(event.at, start) as Instant }))
      .sort((a, b) => a.at - b.at || a.index - b.index);
    const driver = (async () => {
      for (const { event, index, at } of ordered) {
        await clock.sleepUntil(at, `scenario events[${index}]`);
        try {
          await clock.track(Promise.resolve().then(() => apply(salesforce, event)));
        } catch (error) {
          problems.push(`events[${index}]: ${(error as Error).message}`);
        }
      }
    })();
    await clock.runUntil(end);
    await driver;
    const output = await collect(stack, salesforce, loaded);
    output.failures.push(...problems, ...checkExpectations(scenario.expect, output));
    output.passed = output.failures.length === 0;
    return output;
  } finally {
    await stack.close();
  }
}

function seed(salesforce: SalesforceEmulator, records: LoadedScenario['scenario']['records']): void {
  for (const record of records) {
    if (record.type === 'owner') {
      const { name, email, kind } = record.fields;
      salesforce.org.seedOwner({
        ...(record.id ? { id: record.id } : {}),
        name: String(name ?? record.id ?? 'Owner'),
        ...(typeof email === 'string' ? { email } : {}),
        ...(kind === 'queue' ? { kind: 'queue' as const } : {}),
      });
    } else {
      salesforce.org.seed({
        type: SALESFORCE_OBJECTS[record.type],
        ...(record.id ? { id: record.id } : {}),
        fields: record.fields,
      });
    }
  }
}

function apply(salesforce: SalesforceEmulator, event: ScenarioEvent): void {
  const kind = event.create ?? event.update ?? event.delete;
  if (!kind) throw new Error('no change to make');
  const type = SALESFORCE_OBJECTS[kind];
  if (event.create) {
    salesforce.org.apply({ op: 'create', type, ...(event.id ? { id: event.id } : {}), fields: event.fields ?? {} });
    return;
  }
  const id = event.id ?? findMatch(salesforce, type, event.match ?? {});
  if (event.update) salesforce.org.apply({ op: 'update', type, id, fields: event.fields ?? {} });
  else salesforce.org.apply({ op: 'delete', type, id });
}

/** The oldest record crmflow made (through the API) that matches. */
function findMatch(salesforce: SalesforceEmulator, type: string, match: NonNullable<ScenarioEvent['match']>): string {
  const found = salesforce.org
    .records(type)
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

async function collect(
  stack: LocalStack,
  salesforce: SalesforceEmulator,
  loaded: LoadedScenario,
): Promise<SimulationOutput> {
  const org = salesforce.org;
  const tasks: TaskOutput[] = org.records('Task').map((task) => ({
    id: String(task['Id']),
    subject: String(task['Subject'] ?? ''),
    ownerId: String(task['OwnerId'] ?? ''),
    type: taskType(task),
    status: task['IsClosed'] === true ? 'completed' : 'open',
    createdAt: iso(task['CreatedDate']),
    ...(task['ReminderDateTime'] ? { dueAt: iso(task['ReminderDateTime']) } : {}),
    ...(task['WhatId'] ? { relatedTo: String(task['WhatId']) } : {}),
    ...(task['Description'] ? { description: String(task['Description']) } : {}),
  }));
  const notes: NoteOutput[] = [
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
  ];
  const emails: EmailOutput[] = stack.outbox.sent.map((mail) => ({
    at: toIso(mail.at),
    to: mail.to,
    subject: mail.subject,
    body: mail.text,
  }));
  const records: Record<string, Record<string, unknown>> = {};
  const timeline: TimelineEntry[] = [];
  for (const [kind, type] of [
    ['case', 'Case'],
    ['order', 'Order'],
  ] as const) {
    for (const record of org.records(type)) {
      const id = String(record['Id']);
      records[id] = Object.fromEntries(Object.entries(record).filter(([field]) => field !== 'attributes'));
      const ref: RecordRef = { crm: 'salesforce', kind, id };
      for (const entry of await stack.store.listAudit(ref)) {
        timeline.push({
          at: toIso(entry.at),
          workflow:
            typeof entry.detail?.['workflow'] === 'string'
              ? entry.detail['workflow']
              : entry.type === 'event'
                ? 'router'
                : entry.type,
          record: id,
          action: typeof entry.detail?.['action'] === 'string' ? entry.detail['action'] : entry.type,
          detail: { summary: entry.summary, ...(entry.detail ?? {}) },
        });
      }
    }
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  for (const execution of stack.workflows.executions()) {
    if (execution.status === 'failed') {
      timeline.push({
        at: toIso(execution.stoppedAt ?? loaded.end),
        workflow: execution.workflow,
        record: execution.name,
        action: 'failed',
        detail: { error: execution.error, cause: execution.cause },
      });
    }
  }
  const failures = stack.queue.deadLetters.map(
    (letter) => `event ${letter.event.id} was dead-lettered: ${letter.error}`,
  );
  return {
    name: loaded.scenario.name,
    start: toIso(loaded.start),
    end: toIso(loaded.end),
    passed: false,
    timeline,
    tasks,
    records,
    notes,
    emails,
    failures,
  };
}

function taskType(task: SfRecord): 'call' | 'todo' {
  return task['TaskSubtype'] === 'Call' || task['Type'] === 'Call' ? 'call' : 'todo';
}

function iso(value: unknown): string {
  return typeof value === 'string' ? toIso(fromIso(value)) : '';
}
