import type { FieldValue, NativeFields, RecordRef } from '../../core/model/crm-event.ts';
import {
  CrmError,
  type Contact,
  type CrmPort,
  type Made,
  type NewNote,
  type NewTask,
  type Owner,
  type TaskState,
} from '../../core/ports/crm.ts';
import type { Instant } from '../../core/time/instant.ts';
import { actionKeyOf, withActionKey } from '../shared/action-key.ts';
import { SalesforceConnection, type ConnectionOptions } from './connection.ts';
import { nativeField, truthy, type SalesforceMapping } from './mapping.ts';
import { KEY_PREFIX, SOBJECT_OF_KIND } from './objects.ts';
import { soqlDateTime, soqlString } from './soql.ts';
import { TASK_STATE_FIELDS, newTaskFields, taskState } from './task-fields.ts';

export interface SalesforceCrmOptions extends ConnectionOptions {
  /** The org's time zone: a task's ActivityDate is its due date there. Default UTC. */
  readonly timezone?: string;
  readonly mapping?: SalesforceMapping;
}

type Row = Record<string, unknown>;

const NOTE_TITLE_LENGTH = 80;
const COMMENT_LENGTH = 4000;
const NOTE_BODY_LENGTH = 32000;
const MAX_SCAN = 10_000;
const GONE = new Set(['NOT_FOUND', 'ENTITY_IS_DELETED', 'INVALID_ID_FIELD', 'MALFORMED_ID']);

/**
 * CrmPort on Salesforce through jsforce. Creates are idempotent on the action key: before creating,
 * the record's tasks (comments, notes) are read and the key looked for on their last line, because
 * Description and CommentBody are long text areas SOQL cannot filter on. Case notes are CaseComments
 * (private); notes on orders and contacts are classic Notes (the Notes & Attachments list).
 */
export class SalesforceCrm implements CrmPort {
  readonly crm = 'salesforce' as const;
  readonly #api: SalesforceConnection;
  readonly #timezone: string;
  readonly #mapping: SalesforceMapping;

  constructor(options: SalesforceCrmOptions) {
    this.#api = new SalesforceConnection(options);
    this.#timezone = options.timezone ?? 'UTC';
    this.#mapping = options.mapping ?? {};
  }

  async readRecord(ref: RecordRef): Promise<NativeFields | undefined> {
    const row = await this.#retrieve(sobjectOf(ref), ref.id);
    return row && nativeFields(row);
  }

  async updateRecord(ref: RecordRef, fields: NativeFields): Promise<void> {
    const type = sobjectOf(ref);
    if (Object.keys(fields).length === 0) return;
    await this.#call(() => this.#api.conn.sobject(type).update({ ...fields, Id: ref.id }));
  }

  async assignOwner(ref: RecordRef, ownerId: string): Promise<void> {
    await this.updateRecord(ref, { OwnerId: ownerId });
  }

  /** Cases have IsEscalated; other objects have no such flag. */
  async markEscalated(ref: RecordRef): Promise<void> {
    if (ref.kind === 'case') await this.updateRecord(ref, { IsEscalated: true });
  }

  async owner(id: string): Promise<Owner | undefined> {
    if (id.startsWith(KEY_PREFIX.user)) {
      const user = await this.#retrieve('User', id, ['Id', 'Name', 'Email']);
      return user && { id: String(user.Id), kind: 'user', name: String(user.Name ?? ''), ...email(user.Email) };
    }
    if (id.startsWith(KEY_PREFIX.queue)) {
      const group = await this.#retrieve('Group', id, ['Id', 'Name', 'Email', 'Type']);
      if (!group || group.Type !== 'Queue') return undefined; // other groups cannot own records
      return { id: String(group.Id), kind: 'queue', name: String(group.Name ?? ''), ...email(group.Email) };
    }
    return undefined;
  }

  async contact(id: string): Promise<Contact | undefined> {
    const optedOut = nativeField(this.#mapping, 'contact.optedOut');
    const row = await this.#retrieve('Contact', id, ['Id', 'Name', 'FirstName', 'LastName', 'Email', optedOut]);
    if (!row) return undefined;
    const name = typeof row.Name === 'string' ? row.Name : [row.FirstName, row.LastName].filter(Boolean).join(' ');
    return { id: String(row.Id), name, ...email(row.Email), optedOutOfCalls: truthy(row[optedOut] as FieldValue) };
  }

  async createTask(task: NewTask): Promise<Made> {
    const fields = newTaskFields(task, this.#timezone);
    sobjectOf(task.relatedTo); // a wrong CRM fails before anything is written
    const link = task.relatedTo.kind === 'contact' ? 'WhoId' : 'WhatId';
    return this.#createOnce(
      'Task',
      'Description',
      `${link} = ${soqlString(task.relatedTo.id)}`,
      task.actionKey,
      fields,
    );
  }

  async task(id: string): Promise<TaskState | undefined> {
    const row = await this.#retrieve('Task', id, TASK_STATE_FIELDS);
    return row && taskState(nativeFields(row));
  }

  async callTasksFor(contactId: string, since: Instant): Promise<TaskState[]> {
    const rows = await this.#query(
      `SELECT ${[...TASK_STATE_FIELDS, 'Description'].join(', ')} FROM Task` +
        ` WHERE WhoId = ${soqlString(contactId)} AND TaskSubtype = 'Call' AND CreatedDate >= ${soqlDateTime(since)}` +
        ` ORDER BY CreatedDate ASC`,
    );
    return rows
      .filter((row) => actionKeyOf(row.Description as FieldValue) !== undefined)
      .map((row) => taskState(nativeFields(row)));
  }

  async addNote(note: NewNote): Promise<Made> {
    const parent = soqlString(note.relatedTo.id);
    switch (note.relatedTo.kind) {
      case 'case':
        sobjectOf(note.relatedTo);
        return this.#createOnce('CaseComment', 'CommentBody', `ParentId = ${parent}`, note.actionKey, {
          ParentId: note.relatedTo.id,
          CommentBody: withActionKey(note.body, note.actionKey, COMMENT_LENGTH),
          IsPublished: false,
        });
      case 'order':
      case 'contact':
        sobjectOf(note.relatedTo);
        return this.#createOnce('Note', 'Body', `ParentId = ${parent}`, note.actionKey, {
          ParentId: note.relatedTo.id,
          Title: noteTitle(note.body),
          Body: withActionKey(note.body, note.actionKey, NOTE_BODY_LENGTH),
          IsPrivate: false,
        });
      case 'task':
        throw new CrmError('UNSUPPORTED', 'Salesforce notes cannot be attached to tasks', false);
    }
  }

  /** Finds what an earlier attempt made under this key, or creates it. */
  async #createOnce(type: string, keyField: string, where: string, key: string, fields: Row): Promise<Made> {
    const rows = await this.#query(`SELECT Id, ${keyField} FROM ${type} WHERE ${where} ORDER BY CreatedDate ASC`);
    const made = rows.find((row) => actionKeyOf(row[keyField] as FieldValue) === key);
    if (made) return { id: String(made.Id), existing: true };
    const result = await this.#call(() => this.#api.conn.sobject(type).create(fields));
    if (!result.success || !result.id)
      throw new CrmError('CREATE_FAILED', `Salesforce did not create the ${type}`, false);
    return { id: result.id, existing: false };
  }

  async #retrieve(type: string, id: string, fields?: readonly string[]): Promise<Row | undefined> {
    try {
      const options = fields ? { fields: [...fields] } : {};
      return (await this.#call(() => this.#api.conn.sobject(type).retrieve(id, options))) as Row;
    } catch (error) {
      if (error instanceof CrmError && GONE.has(error.code)) return undefined;
      throw error;
    }
  }

  async #query(soql: string): Promise<Row[]> {
    const result = await this.#call(
      async () => await this.#api.conn.query<Row>(soql).autoFetch(true).maxFetch(MAX_SCAN),
    );
    return result.records;
  }

  async #call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.#api.classify(error);
    }
  }
}

function sobjectOf(ref: RecordRef): string {
  if (ref.crm !== 'salesforce')
    throw new CrmError('WRONG_CRM', `${ref.crm} record ${ref.id} given to the Salesforce adapter`, false);
  return SOBJECT_OF_KIND[ref.kind];
}

/** REST JSON → native fields: `attributes` and compound values (addresses) are left out. */
function nativeFields(row: Row): NativeFields {
  const fields: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(row)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[name] = value as FieldValue;
  }
  return fields;
}

const email = (value: unknown): { email?: string } =>
  typeof value === 'string' && value !== '' ? { email: value } : {};

function noteTitle(body: string): string {
  const first = body.trim().split(/\r?\n/)[0]?.trim() || 'crmflow note';
  return first.length <= NOTE_TITLE_LENGTH ? first : `${first.slice(0, NOTE_TITLE_LENGTH - 1)}…`;
}
