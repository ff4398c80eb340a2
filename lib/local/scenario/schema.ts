/**
 * The scenario format of `crmflow simulate` (shared/scenarios/README.md) as a zod schema. Every part
 * of the format is parsed here, `faults` included, so a malformed file is refused with the path of
 * the bad field before anything runs.
 */
import { z } from 'zod';
import { strictObject } from '../../core/config/strict-object.ts';
import { parseOffset, parseTimestamp } from './offset.ts';

const shown = (value: unknown) => JSON.stringify(value);

const timestamp = z.string().refine((text) => parseTimestamp(text) !== undefined, {
  error: (issue) =>
    `${shown(issue.input)} is not a timestamp — write ISO 8601 with an offset, e.g. 2026-12-02T09:00:00+02:00`,
});

const time = z.string().refine((text) => parseOffset(text) !== undefined || parseTimestamp(text) !== undefined, {
  error: (issue) =>
    `${shown(issue.input)} is neither an offset nor a timestamp — write 90m, 26h, 1d5h, or 2026-12-02T09:00:00+02:00`,
});

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: (issue) => `${shown(issue.input)} is not a field value — use text, a number, true/false or null`,
});
const fields = z.record(z.string(), fieldValue);

export const RECORD_TYPES = ['owner', 'contact', 'case', 'order', 'task'] as const;
const EVENT_TYPES = ['case', 'order', 'task', 'contact'] as const;

const recordType = z.enum(RECORD_TYPES, {
  error: (issue) => `${shown(issue.input)} is not a record type — use ${RECORD_TYPES.join(', ')}`,
});
const eventType = z.enum(EVENT_TYPES, {
  error: (issue) => `${shown(issue.input)} is not a record type for an event — use ${EVENT_TYPES.join(', ')}`,
});

const seedRecord = strictObject({
  type: recordType,
  id: z.union([z.string(), z.number().transform(String)]).optional(),
  fields: fields.default({}),
});

/** Instead of an id: the oldest task crmflow made that matches. */
const match = strictObject({
  relatedTo: z.union([z.string(), z.number().transform(String)]).optional(),
  type: z.enum(['call', 'todo']).optional(),
  ownerId: z.union([z.string(), z.number().transform(String)]).optional(),
  subjectContains: z.string().optional(),
});

const event = strictObject({
  at: time,
  create: eventType.optional(),
  update: eventType.optional(),
  delete: eventType.optional(),
  id: z.union([z.string(), z.number().transform(String)]).optional(),
  match: match.optional(),
  fields: fields.optional(),
}).superRefine((value, context) => {
  const verbs = (['create', 'update', 'delete'] as const).filter((verb) => value[verb] !== undefined);
  if (verbs.length !== 1) {
    context.addIssue({
      code: 'custom',
      path: [],
      message: `${verbs.length ? `says ${verbs.join(' and ')}` : 'says nothing to do'} — give exactly one of create, update or delete, with the record type`,
    });
    return;
  }
  const [verb] = verbs;
  if (verb === 'create' && value.match) {
    context.addIssue({
      code: 'custom',
      path: ['match'],
      message: 'match finds an existing record — a create takes an id (or none)',
    });
  }
  if (verb !== 'create' && value.id === undefined && value.match === undefined) {
    context.addIssue({ code: 'custom', path: [], message: `which record? — an ${verb} needs id or match` });
  }
  if (verb !== 'create' && value.id !== undefined && value.match !== undefined) {
    context.addIssue({ code: 'custom', path: ['match'], message: 'both id and match — give one of them' });
  }
  if (verb !== 'delete' && value.fields === undefined) {
    context.addIssue({ code: 'custom', path: ['fields'], message: `missing — a ${verb} needs the fields to set` });
  }
});

const fraction = (what: string) =>
  z
    .number({ error: `${what} is a fraction — write a number from 0 to 1, e.g. 0.3` })
    .min(0)
    .max(1);

export const faultsSchema = strictObject({
  duplicateWebhooks: z
    .number()
    .int()
    .min(1, { error: 'deliveries per webhook start at 1 — 3 means each webhook arrives three times' })
    .max(10)
    .optional(),
  outOfOrder: z.boolean().optional(),
  crmErrors: fraction('crmErrors').optional(),
  crashAfterCrmWrite: fraction('crashAfterCrmWrite').optional(),
  seed: z.number().int().optional(),
});

const matchValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const expectFields = z.record(z.string(), matchValue);

const expectation = strictObject({
  task: expectFields.optional(),
  note: expectFields.optional(),
  email: expectFields.optional(),
  record: expectFields.optional(),
  count: z.number().int().min(0).optional(),
}).superRefine((value, context) => {
  const kinds = (['task', 'note', 'email', 'record'] as const).filter((kind) => value[kind] !== undefined);
  if (kinds.length !== 1) {
    context.addIssue({
      code: 'custom',
      path: [],
      message: `${kinds.length ? `names ${kinds.join(' and ')}` : 'names nothing'} — give exactly one of task, note, email or record`,
    });
  }
  if (value.record && value.record['id'] === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['record', 'id'],
      message: 'missing — a record expectation names the record by id',
    });
  }
});

export const scenarioSchema = strictObject({
  name: z.string().min(1, { error: 'missing — every scenario has a name' }),
  description: z.string().optional(),
  crm: z.enum(['salesforce', 'hubspot'], {
    error: (issue) => `${shown(issue.input)} is not a CRM — use salesforce or hubspot`,
  }),
  start: timestamp,
  until: time,
  config: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  records: z.array(seedRecord).default([]),
  events: z.array(event).default([]),
  faults: faultsSchema.optional(),
  expect: z.array(expectation).default([]),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioEvent = Scenario['events'][number];
export type ScenarioExpectation = Scenario['expect'][number];
export type Faults = z.output<typeof faultsSchema>;
