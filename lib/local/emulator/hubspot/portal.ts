import type { Clock } from '../../../core/ports/clock.ts';
import { UndoLog, announce } from '../undo-log.ts';
import type { Instant } from '../../../core/time/instant.ts';
import { HubSpotApiError, badRequest, invalidProperties, objectNotFound } from './api-error.ts';
import { AssociationStore } from './association-store.ts';
import { associationType } from './association-types.ts';
import { hsDateTime, parseHsInstant } from './datetime.ts';
import { IdCounters } from './ids.ts';
import { OBJECT_TYPE_DEFS, resolveObjectType, type ObjectType } from './object-types.ts';
import { ownerNames, type HsOwner, type ScenarioOwner } from './owners.ts';
import { PropertyCatalog } from './property-catalog.ts';
import { deriveProperties } from './record-rules.ts';
import { writeScenarioFields } from './scenario-fields.ts';
import { writtenValues, type WriteChecks, type WriteSource } from './written-values.ts';

export type { WriteSource } from './written-values.ts';

type Props = Record<string, string | null>;
type Input = Readonly<Record<string, unknown>>;

/** A CRM record as the portal keeps it: HubSpot holds every property value as text. */
export interface HsRecord {
  readonly id: string;
  readonly type: ObjectType;
  readonly properties: Readonly<Props>;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

/** A property's value, null when unset (own keys only: `constructor` is not a property here). */
export const propertyOf = (record: HsRecord, name: string): string | null =>
  Object.hasOwn(record.properties, name) ? (record.properties[name] ?? null) : null;

export interface PortalChangeEvent {
  readonly kind: 'created' | 'updated' | 'deleted';
  readonly type: ObjectType;
  readonly id: string;
  /** The record after the change (the archived record for `deleted`). */
  readonly record: HsRecord;
  /** Properties this change gave a value or altered, with their new values; none for `deleted`. */
  readonly changed: Readonly<Props>;
  readonly source: 'api' | 'scenario';
  readonly at: Instant;
}

/**
 * A change a scenario makes, as a person in the portal would. `type` is an object type by any of
 * its names (`tickets`, `ticket`, `0-5`). Besides properties, `fields` may name associated records
 * the way scenarios do: `contactId`, `ticketId`, `orderId` (null removes the association).
 */
export type PortalChange =
  | { readonly op: 'create'; readonly type: string; readonly id?: string; readonly fields: Input }
  | { readonly op: 'update'; readonly type: string; readonly id: string; readonly fields: Input }
  | { readonly op: 'delete'; readonly type: string; readonly id: string };

export interface NewAssociation {
  readonly toType: ObjectType;
  readonly toId: string;
}

/** Owners' user accounts have numbers of their own. */
const FIRST_USER_ID = 70_000_001;

export interface HubSpotPortalOptions {
  readonly portalId: string;
  readonly clock: Clock;
  /** Ticket stages that close a ticket (`closed_date`); default `4`, the default pipeline's Closed. */
  readonly closedStages?: readonly string[];
}

/**
 * The in-memory portal: records per object, associations, owners, the rules HubSpot applies on
 * save, and change events. The API layer and the scenario runner both write through it.
 */
export class HubSpotPortal {
  readonly portalId: string;
  readonly catalog = new PropertyCatalog();
  readonly #clock: Clock;
  readonly #closedStages: readonly string[];
  #tables = new Map<ObjectType, Map<string, HsRecord>>();
  readonly #undo = new UndoLog<HsRecord>();
  readonly #associations = new AssociationStore();
  readonly #ids = new IdCounters();
  readonly #owners = new Map<string, HsOwner>();
  readonly #listeners = new Set<(event: PortalChangeEvent) => void>();
  #depth = 0;
  #pending: PortalChangeEvent[] = [];
  readonly #checks: WriteChecks = { catalog: this.catalog, ownerExists: (id) => this.owner(id) !== undefined };

  constructor(options: HubSpotPortalOptions) {
    this.portalId = options.portalId;
    this.#clock = options.clock;
    this.#closedStages = options.closedStages ?? ['4'];
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The portal's time (the emulator's clock): what answers stamp. */
  now(): Instant {
    return this.#clock.now();
  }

  get(type: ObjectType, id: string): HsRecord | undefined {
    return this.#table(type).get(id);
  }

  /** The object's records in the order they were created. */
  records(type: ObjectType): HsRecord[] {
    return [...this.#table(type).values()];
  }

  /** Ids of the `toType` records associated with a record, oldest association first. */
  associatedIds(fromType: ObjectType, fromId: string, toType: ObjectType): string[] {
    return this.#associations.ids(fromType, fromId, toType);
  }

  /** An active owner (archived owners own nothing new). */
  owner(id: string): HsOwner | undefined {
    const owner = this.#owners.get(id);
    return owner && !owner.archived ? owner : undefined;
  }

  /** Every owner, archived ones included, in the order they were added. */
  owners(): HsOwner[] {
    return [...this.#owners.values()];
  }

  onChange(listener: (event: PortalChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- scenario entry points -----------------------------------------------------------------

  /** A record that exists before the story starts: no change event, owners not checked. */
  seed(record: { readonly type: string; readonly id?: string; readonly fields: Input }): HsRecord {
    return writeScenarioFields(this, 'create', objectType(record.type), record.id, record.fields, 'seed');
  }

  /** A scenario `owner`. HubSpot owners are people; a scenario's `kind: queue` makes one too. */
  seedOwner(owner: ScenarioOwner & { readonly archived?: boolean }): HsOwner {
    const id = owner.id ?? this.#ids.mint('owners', (taken) => this.#owners.has(taken));
    if (!/^\d+$/.test(id)) throw new Error(`HubSpot owner ids are numbers: ${id}`);
    const now = this.#clock.now();
    const seeded: HsOwner = {
      id,
      email: owner.email,
      ...ownerNames(owner.name),
      userId: Number(this.#ids.mint('users', () => false, FIRST_USER_ID)),
      createdAt: now,
      updatedAt: now,
      archived: owner.archived ?? false,
      teams: [],
    };
    this.#owners.set(id, seeded);
    return seeded;
  }

  /** A change a person makes: validated like HubSpot would, and announced to listeners. */
  apply(change: PortalChange): HsRecord {
    const type = objectType(change.type);
    switch (change.op) {
      case 'create':
        return writeScenarioFields(this, 'create', type, change.id, change.fields, 'scenario');
      case 'update':
        return writeScenarioFields(this, 'update', type, change.id, change.fields, 'scenario');
      case 'delete':
        return this.archive(type, change.id, 'scenario');
    }
  }

  // ---- writes --------------------------------------------------------------------------------

  create(
    type: ObjectType,
    input: unknown,
    source: WriteSource,
    options: { readonly id?: string; readonly associations?: readonly NewAssociation[] } = {},
  ): HsRecord {
    const def = OBJECT_TYPE_DEFS[type];
    return this.transaction(() => {
      const values = writtenValues(this.#checks, type, input, source);
      const id = this.#newId(type, options.id);
      const now = this.#clock.now();
      const props: Props = {};
      for (const property of this.catalog.all(type)) {
        if (property.defaultValue !== undefined) props[property.name] = property.defaultValue;
      }
      Object.assign(props, values);
      const createdAt = parseHsInstant(values[def.createdProperty]) ?? now;
      const updatedAt = parseHsInstant(values[def.modifiedProperty]) ?? now;
      if (props.hs_timestamp === null || props.hs_timestamp === undefined) {
        if (source === 'api' && this.catalog.get(type, 'hs_timestamp')?.requiredOnCreate) {
          throw invalidProperties([
            { name: 'hs_timestamp', code: 'REQUIRED_PROPERTY', message: 'hs_timestamp is required' },
          ]);
        }
        if (this.catalog.get(type, 'hs_timestamp')) props.hs_timestamp = hsDateTime(createdAt);
      }
      Object.assign(props, {
        hs_object_id: id,
        [def.createdProperty]: hsDateTime(createdAt),
        [def.modifiedProperty]: hsDateTime(updatedAt),
      });
      deriveProperties(type, props, { id, now, closedStages: this.#closedStages });
      const record: HsRecord = Object.freeze({ id, type, properties: Object.freeze(props), createdAt, updatedAt });
      this.#write(type, id, record);
      for (const link of options.associations ?? []) this.associate(type, id, link.toType, link.toId);
      if (source !== 'seed') this.#emit('created', record, nonNull(props), source);
      return record;
    });
  }

  update(type: ObjectType, id: string, input: unknown, source: WriteSource): HsRecord {
    const existing = this.get(type, id);
    if (!existing) throw objectNotFound(id);
    const def = OBJECT_TYPE_DEFS[type];
    return this.transaction(() => {
      const values = writtenValues(this.#checks, type, input, source);
      // Modification times only move forward, one write at a time, as in a real portal.
      const now = Math.max(this.#clock.now(), existing.updatedAt + 1);
      const props: Props = { ...existing.properties, ...values };
      const updatedAt = parseHsInstant(values[def.modifiedProperty]) ?? now;
      props[def.modifiedProperty] = hsDateTime(updatedAt);
      deriveProperties(type, props, { id, now, closedStages: this.#closedStages });
      const record: HsRecord = Object.freeze({ ...existing, properties: Object.freeze(props), updatedAt });
      this.#write(type, id, record);
      const changed: Props = {};
      for (const [name, value] of Object.entries(props)) {
        if (name !== def.modifiedProperty && (existing.properties[name] ?? null) !== value) changed[name] = value;
      }
      if (source !== 'seed') this.#emit('updated', record, changed, source);
      return record;
    });
  }

  /** Archives (deletes) a record; its associations go with it. */
  archive(type: ObjectType, id: string, source: WriteSource): HsRecord {
    const existing = this.get(type, id);
    if (!existing) throw objectNotFound(id);
    return this.transaction(() => {
      this.#write(type, id, undefined);
      this.#associations.removeAll(type, id);
      if (source !== 'seed') this.#emit('deleted', existing, {}, source);
      return existing;
    });
  }

  /** Associates two records with the unlabeled HubSpot-defined type (both ways, as HubSpot does). */
  associate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): void {
    if (!associationType(fromType, toType)) {
      throw badRequest(`${OBJECT_TYPE_DEFS[fromType].singular} cannot be associated with ${toType}`);
    }
    if (!this.get(fromType, fromId)) throw objectNotFound(fromId);
    if (!this.get(toType, toId)) {
      throw badRequest(`${OBJECT_TYPE_DEFS[toType].singular} ${toId} does not exist: the association is not valid`, {
        context: { id: [toId] },
      });
    }
    this.#associations.associate(fromType, fromId, toType, toId);
  }

  dissociate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): boolean {
    return this.#associations.dissociate(fromType, fromId, toType, toId);
  }

  /**
   * Runs writes all-or-none: if `work` throws, the portal is as before and no change event fires.
   * Events of a committed transaction fire after it, in order. Nested calls join the outer one.
   */
  transaction<T>(work: () => T): T {
    if (this.#depth > 0) return work();
    const associations = this.#associations.savepoint();
    const ids = this.#ids.snapshot();
    this.#depth += 1;
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.#undo.rollback();
      associations.rollback();
      this.#ids.restore(ids);
      this.#pending = [];
      throw error;
    } finally {
      this.#depth -= 1;
      this.#undo.clear();
      associations.release();
    }
    const events = this.#pending;
    this.#pending = [];
    announce(events, this.#listeners);
    return result;
  }

  // ---- internals -----------------------------------------------------------------------------

  /** Sets (or with undefined, deletes) one record, undoably. */
  #write(type: ObjectType, id: string, record: HsRecord | undefined): void {
    this.#undo.write(this.#table(type), id, record);
  }

  #table(type: ObjectType): Map<string, HsRecord> {
    let table = this.#tables.get(type);
    if (!table) this.#tables.set(type, (table = new Map()));
    return table;
  }

  #newId(type: ObjectType, explicitId: string | undefined): string {
    if (explicitId === undefined) return this.#ids.mint(type, (id) => this.get(type, id) !== undefined);
    if (!/^\d+$/.test(explicitId)) throw badRequest(`HubSpot record ids are numbers: ${explicitId}`);
    if (this.get(type, explicitId)) {
      throw new HubSpotApiError(
        409,
        'CONFLICT',
        `A ${OBJECT_TYPE_DEFS[type].singular} with id ${explicitId} already exists`,
      );
    }
    return explicitId;
  }

  #emit(kind: PortalChangeEvent['kind'], record: HsRecord, changed: Props, source: 'api' | 'scenario'): void {
    this.#pending.push({ kind, type: record.type, id: record.id, record, changed, source, at: this.#clock.now() });
  }
}

function objectType(name: string): ObjectType {
  const def = resolveObjectType(name);
  if (!def) throw badRequest(`Unable to infer object type from: ${name}`);
  return def.name;
}

function nonNull(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null));
}
