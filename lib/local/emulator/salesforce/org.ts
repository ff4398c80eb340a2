import type { FieldValue } from '../../../core/model/crm-event.ts';
import { UndoLog, announce } from '../undo-log.ts';
import type { Clock } from '../../../core/ports/clock.ts';
import { SalesforceApiError, notFound } from './api-error.ts';
import { Catalog } from './catalog.ts';
import { sfDateTime } from './datetime.ts';
import { IdMinter, idKey, normalizeId } from './ids.ts';
import { AUTO_NUMBERS, deriveFields, formatAutoNumber } from './record-rules.ts';
import { ownerRecord, type ScenarioOwner } from './owners.ts';
import type { ObjectDef } from './schema.ts';
import { writtenValues, type Lookups } from './written-values.ts';
import { fromIso } from '../../../core/time/instant.ts';

export type SfRecord = Readonly<Record<string, FieldValue>>;
type Fields = Record<string, FieldValue>;
type Input = Readonly<Record<string, unknown>>;

/**
 * Who writes: `api` is held to the API's rules (createable/updateable fields only); `scenario` is a
 * person in the org (any field, custom fields appear when first used) and fires change events like
 * the API; `seed` is what was there before the story starts: no events, references not checked.
 */
export type WriteSource = 'api' | 'scenario' | 'seed';

export interface OrgChangeEvent {
  readonly kind: 'created' | 'updated' | 'deleted';
  readonly type: string;
  readonly id: string;
  /** The record after the change (the deleted record for `deleted`). */
  readonly record: SfRecord;
  readonly source: 'api' | 'scenario';
}

/** A change a scenario makes, as a person in the org would. */
export type OrgChange =
  | { readonly op: 'create'; readonly type: string; readonly id?: string; readonly fields: Input }
  | { readonly op: 'update'; readonly type: string; readonly id: string; readonly fields: Input }
  | { readonly op: 'delete'; readonly type: string; readonly id: string };

export interface SalesforceOrgOptions {
  readonly orgId: string;
  readonly clock: Clock;
  /** Case statuses that close a case (IsClosed); default `Closed`. */
  readonly closedCaseStatuses?: readonly string[];
}

/** Children deleted with their parent, as Salesforce cascades them. */
const CASCADES: readonly (readonly [child: string, field: string])[] = [
  ['CaseComment', 'ParentId'],
  ['Note', 'ParentId'],
  ['Task', 'WhatId'],
];

/**
 * The in-memory org: records per object, the rules Salesforce applies on save, and change events.
 * The REST layer and the scenario runner both write through it; neither knows about the other.
 */
export class SalesforceOrg {
  readonly orgId: string;
  readonly catalog = new Catalog();
  /** The user the API and scenario changes act as (CreatedById, default OwnerId). */
  readonly apiUserId: string;
  readonly #clock: Clock;
  readonly #closedCaseStatuses: readonly string[];
  #tables = new Map<string, Map<string, SfRecord>>();
  readonly #undo = new UndoLog<SfRecord>();
  readonly #ids = new IdMinter();
  #autoNumbers = new Map<string, number>();
  readonly #listeners = new Set<(event: OrgChangeEvent) => void>();
  #depth = 0;
  #pending: OrgChangeEvent[] = [];
  readonly #lookups: Lookups = { catalog: this.catalog, locate: (id) => this.locate(id) };

  constructor(options: SalesforceOrgOptions) {
    this.orgId = options.orgId;
    this.#clock = options.clock;
    this.#closedCaseStatuses = options.closedCaseStatuses ?? ['Closed'];
    this.apiUserId = this.#ids.mint('005');
    const integration = { FirstName: 'Integration', LastName: 'User', Username: 'integration@crmflow.emulator' };
    this.create('User', integration, 'seed', this.apiUserId);
  }

  // ---- reading -------------------------------------------------------------------------------

  get(type: string, id: string): SfRecord | undefined {
    const def = this.catalog.object(type);
    const key = idKey(id);
    return def && key ? this.#table(def).get(key) : undefined;
  }

  /** A record by id alone: the key prefix names its object. */
  locate(id: string): { readonly type: string; readonly record: SfRecord } | undefined {
    const key = idKey(id);
    const def = key ? this.catalog.objectByPrefix(key.slice(0, 3)) : undefined;
    const record = def && key ? this.#table(def).get(key) : undefined;
    return def && record ? { type: def.name, record } : undefined;
  }

  /** The object's records in the order they were created. */
  records(type: string): SfRecord[] {
    const def = this.catalog.object(type);
    return def ? [...this.#table(def).values()] : [];
  }

  onChange(listener: (event: OrgChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- scenario entry points -----------------------------------------------------------------

  /** A record that exists before the story starts: no change event. */
  seed(record: { readonly type: string; readonly id?: string; readonly fields: Input }): SfRecord {
    return this.create(record.type, record.fields, 'seed', record.id);
  }

  /** A scenario `owner`: a User, or a queue (a Group of type Queue). */
  seedOwner(owner: ScenarioOwner): SfRecord {
    return this.seed(ownerRecord(owner));
  }

  /** A change a person makes: validated like Salesforce would, and announced to listeners. */
  apply(change: OrgChange): SfRecord {
    switch (change.op) {
      case 'create':
        return this.create(change.type, change.fields, 'scenario', change.id);
      case 'update':
        return this.update(change.type, change.id, change.fields, 'scenario');
      case 'delete':
        return this.remove(change.type, change.id, 'scenario');
    }
  }

  // ---- writes --------------------------------------------------------------------------------

  create(type: string, input: Input, source: WriteSource, explicitId?: string): SfRecord {
    const def = this.#object(type);
    return this.transaction(() => {
      const values = writtenValues(this.#lookups, def, input, source, 'create');
      const id = this.#newId(def, explicitId);
      const now = this.#now();
      const record: Fields = Object.fromEntries(def.fields.map((f) => [f.name, f.defaultValue ?? null]));
      Object.assign(record, values, {
        Id: id,
        IsDeleted: false,
        CreatedDate: values.CreatedDate ?? now,
        CreatedById: values.CreatedById ?? this.apiUserId,
        LastModifiedDate: values.LastModifiedDate ?? now,
        LastModifiedById: values.LastModifiedById ?? this.apiUserId,
        SystemModstamp: now,
      });
      if ('OwnerId' in record && record.OwnerId === null) record.OwnerId = this.apiUserId;
      this.#autoNumber(def, record);
      this.#save(def, record, undefined);
      if (source !== 'seed') this.#emit({ kind: 'created', type: def.name, id, record, source });
      return record;
    });
  }

  update(type: string, id: string, input: Input, source: WriteSource): SfRecord {
    const def = this.#object(type);
    const existing = this.get(def.name, id);
    if (!existing) throw notFound();
    return this.transaction(() => {
      const values = writtenValues(this.#lookups, def, input, source, 'update', existing.Id as string);
      const now = this.#nowAfter(existing.SystemModstamp);
      const record: Fields = { ...existing, ...values, LastModifiedById: this.apiUserId, SystemModstamp: now };
      record.LastModifiedDate = values.LastModifiedDate ?? now;
      this.#autoNumber(def, record);
      this.#save(def, record, existing);
      if (source !== 'seed') this.#emit({ kind: 'updated', type: def.name, id: existing.Id as string, record, source });
      return record;
    });
  }

  remove(type: string, id: string, source: WriteSource): SfRecord {
    const def = this.#object(type);
    const existing = this.get(def.name, id);
    if (!existing) throw notFound('entity is deleted');
    return this.transaction(() => {
      this.#write(def, keyOf(existing), undefined);
      for (const [child, fieldName] of CASCADES) {
        const childDef = this.catalog.object(child);
        if (!childDef) continue;
        for (const record of [...this.#table(childDef).values()]) {
          if (record[fieldName] === existing.Id) this.#write(childDef, keyOf(record), undefined);
        }
      }
      if (source !== 'seed')
        this.#emit({ kind: 'deleted', type: def.name, id: existing.Id as string, record: existing, source });
      return existing;
    });
  }

  /**
   * Runs writes all-or-none: if `work` throws, the org is as before and no change event fires.
   * Events of a committed transaction fire after it, in order. Nested calls join the outer one.
   */
  transaction<T>(work: () => T): T {
    if (this.#depth > 0) return work();
    const ids = this.#ids.snapshot();
    const autoNumbers = new Map(this.#autoNumbers);
    this.#depth += 1;
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.#undo.rollback();
      this.#ids.restore(ids);
      this.#autoNumbers = autoNumbers;
      this.#pending = [];
      throw error;
    } finally {
      this.#depth -= 1;
      this.#undo.clear();
    }
    const events = this.#pending;
    this.#pending = [];
    announce(events, this.#listeners);
    return result;
  }

  // ---- internals -----------------------------------------------------------------------------

  #object(type: string): ObjectDef {
    const def = this.catalog.object(type);
    if (!def) throw notFound(`The requested resource does not exist: sObject type '${type}' is not supported`);
    return def;
  }

  #table(def: ObjectDef): Map<string, SfRecord> {
    let table = this.#tables.get(def.name);
    if (!table) this.#tables.set(def.name, (table = new Map()));
    return table;
  }

  #now(): string {
    return sfDateTime(this.#clock.now());
  }

  /**
   * A record's modification stamps only move forward, one write at a time, as in a real org: two
   * writes in the same virtual millisecond get stamps a millisecond apart, so subscribers can order them.
   */
  #nowAfter(previous: FieldValue | undefined): string {
    const last = typeof previous === 'string' ? fromIso(previous) : Number.NEGATIVE_INFINITY;
    return sfDateTime(Math.max(this.#clock.now(), last + 1));
  }

  #newId(def: ObjectDef, explicitId: string | undefined): string {
    if (explicitId === undefined) return this.#ids.mint(def.keyPrefix, (id) => this.locate(id) !== undefined);
    const id = normalizeId(explicitId);
    if (!id || !id.startsWith(def.keyPrefix)) {
      throw new SalesforceApiError(400, 'MALFORMED_ID', `${def.name} ids start with ${def.keyPrefix}: ${explicitId}`, [
        'Id',
      ]);
    }
    if (this.locate(id))
      throw new SalesforceApiError(400, 'DUPLICATE_VALUE', `duplicate value found: Id ${id}`, ['Id']);
    return id;
  }

  #autoNumber(def: ObjectDef, record: Fields): void {
    const auto = AUTO_NUMBERS[def.name];
    if (!auto) return;
    const last = this.#autoNumbers.get(def.name) ?? auto.first - 1;
    const given = record[auto.field];
    if (given === null || given === undefined) {
      record[auto.field] = formatAutoNumber(last + 1);
      this.#autoNumbers.set(def.name, last + 1);
    } else if (/^\d+$/.test(String(given)) && Number(given) > last) {
      this.#autoNumbers.set(def.name, Number(given)); // a seeded number: continue after it
    }
  }

  /** Derives what Salesforce derives, checks required fields, stores. */
  #save(def: ObjectDef, record: Fields, previous: SfRecord | undefined): void {
    deriveFields(def.name, record, previous, { now: this.#now(), closedCaseStatuses: this.#closedCaseStatuses });
    const missing = def.fields.filter((f) => f.required && (record[f.name] === null || record[f.name] === undefined));
    if (missing.length > 0) {
      const names = missing.map((f) => f.name);
      throw new SalesforceApiError(
        400,
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${names.join(', ')}]`,
        names,
      );
    }
    this.#write(def, keyOf(record), Object.freeze(record));
  }

  /** Sets (or with undefined, deletes) one row, undoably. */
  #write(def: ObjectDef, key: string, record: SfRecord | undefined): void {
    this.#undo.write(this.#table(def), key, record);
  }

  #emit(event: OrgChangeEvent): void {
    this.#pending.push(event);
  }
}

const keyOf = (record: SfRecord): string => String(record.Id).slice(0, 15);
