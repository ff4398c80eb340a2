import type {
  AssociationSpecAssociationCategoryEnum,
  PublicAssociationsForObject,
  SimplePublicObjectWithAssociations,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import type { FieldValue, NativeFields, RecordRef } from '../../core/model/crm-event.ts';
import type { Clock } from '../../core/ports/clock.ts';
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
import { actionKeyOf, withActionKey } from './action-key.ts';
import { AssociationTypes } from './association-types.ts';
import type { ClientOptions } from './client.ts';
import { HubSpotApi } from './hubspot-api.ts';
import { nativeProperty, truthy, type HubSpotMapping } from './mapping.ts';
import { OBJECT_OF_KIND, type HubSpotObject } from './objects.ts';
import { ASSOCIATION_FIELDS, propertiesToRead } from './record-properties.ts';
import { BODY_LENGTH, TASK_STATE_PROPERTIES, newTaskProperties, taskState } from './task-properties.ts';

export interface HubSpotCrmOptions extends ClientOptions {
  readonly mapping?: HubSpotMapping;
  /** When notes are timestamped (`hs_timestamp`): the virtual clock locally. Default the system clock. */
  readonly clock?: Clock;
  /** More properties readRecord returns, per kind (properties a policy or a person wants to see). */
  readonly extraProperties?: Readonly<Partial<Record<RecordRef['kind'], readonly string[]>>>;
}

const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED' as AssociationSpecAssociationCategoryEnum;

/**
 * CrmPort on HubSpot through @hubspot/api-client. Creates are idempotent on the action key: before
 * creating, the record's associated tasks (notes) are listed and the key looked for on the last line
 * of their bodies. That reads associations, not search, because HubSpot's search index lags writes
 * by seconds, and a retry right after a lost answer must find what the first attempt made; the
 * create carries its associations, so a task never exists unlinked.
 */
export class HubSpotCrm implements CrmPort {
  readonly crm = 'hubspot' as const;
  readonly #api: HubSpotApi;
  readonly #mapping: HubSpotMapping;
  readonly #clock: Clock;
  readonly #extra: HubSpotCrmOptions['extraProperties'];
  readonly #types: AssociationTypes;

  constructor(options: HubSpotCrmOptions) {
    this.#api = new HubSpotApi(options);
    this.#mapping = options.mapping ?? {};
    this.#clock = options.clock ?? { now: () => Date.now() };
    this.#extra = options.extraProperties;
    this.#types = new AssociationTypes((from, to) => this.#api.associationLabels(from, to));
  }

  /** Closes the client's idle keep-alive connections. */
  close(): void {
    this.#api.close();
  }

  /** The record's properties, and its associated records as fields (`contactId` of a ticket). */
  async readRecord(ref: RecordRef): Promise<NativeFields | undefined> {
    const links = ASSOCIATION_FIELDS[ref.kind];
    const properties = propertiesToRead(ref.kind, this.#mapping, this.#extra?.[ref.kind]);
    const record = await this.#api.read(objectOf(ref), ref.id, properties, Object.keys(links));
    if (!record) return undefined;
    const fields: Record<string, FieldValue> = { ...record.properties };
    for (const [toType, field] of Object.entries(links)) {
      const first = associated(record, toType)[0];
      if (first !== undefined) fields[field] = first;
    }
    return fields;
  }

  async updateRecord(ref: RecordRef, fields: NativeFields): Promise<void> {
    const type = objectOf(ref);
    if (Object.keys(fields).length === 0) return;
    // HubSpot takes every property value as text; an empty string clears one.
    const properties = Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, value === null ? '' : String(value)]),
    );
    await this.#api.update(type, ref.id, properties);
  }

  async assignOwner(ref: RecordRef, ownerId: string): Promise<void> {
    await this.updateRecord(ref, { hubspot_owner_id: ownerId });
  }

  /** HubSpot tickets have no escalated flag: the owner change, note and task say it. Nothing to do. */
  async markEscalated(ref: RecordRef): Promise<void> {
    objectOf(ref);
  }

  /** Every HubSpot owner is a user (a person); owner ids are numbers. */
  async owner(id: string): Promise<Owner | undefined> {
    if (!/^\d+$/.test(id)) return undefined;
    const owner = await this.#api.owner(Number(id));
    if (!owner) return undefined;
    const name = [owner.firstName, owner.lastName].filter((part) => part).join(' ') || owner.email || owner.id;
    return { id: owner.id, kind: 'user', name, ...email(owner.email) };
  }

  async contact(id: string): Promise<Contact | undefined> {
    const optedOut = nativeProperty(this.#mapping, 'contact.optedOut');
    const record = await this.#api.read('contacts', id, ['firstname', 'lastname', 'email', optedOut]);
    if (!record) return undefined;
    const { firstname, lastname, email: address } = record.properties;
    return {
      id: record.id,
      name: [firstname, lastname].filter((part) => part).join(' ') || address || record.id,
      ...email(address),
      optedOutOfCalls: truthy(record.properties[optedOut]),
    };
  }

  async createTask(task: NewTask): Promise<Made> {
    const parent = parentOf(task.relatedTo, 'tasks');
    const links = [{ type: parent, id: task.relatedTo.id }];
    if (task.contactId && parent !== 'contacts') links.push({ type: 'contacts', id: task.contactId });
    return this.#createOnce('tasks', 'hs_task_body', parent, task.relatedTo.id, task.actionKey, {
      properties: newTaskProperties(task),
      associations: await this.#associations('tasks', links),
    });
  }

  async task(id: string): Promise<TaskState | undefined> {
    const record = await this.#api.read('tasks', id, TASK_STATE_PROPERTIES, ['tickets', 'orders', 'contacts']);
    if (!record) return undefined;
    const relatedTo = ['tickets', 'orders', 'contacts'].map((type) => associated(record, type)[0]).find(Boolean);
    return taskState(record.id, record.properties, record.createdAt.getTime(), relatedTo);
  }

  /**
   * Call tasks crmflow made for a contact since an instant. Search is fine here: a call made seconds
   * ago that the index has not caught up with changes no `contactedWithin` decision measured in days.
   */
  async callTasksFor(contactId: string, since: Instant): Promise<TaskState[]> {
    const found = await this.#api.callTasks(contactId, since, [...TASK_STATE_PROPERTIES, 'hs_task_body']);
    const mine = found.filter((task) => actionKeyOf(task.properties.hs_task_body) !== undefined);
    const ids = mine.map((task) => task.id);
    const onOrders = await this.#api.firstAssociated('tasks', ids, 'orders');
    const onTickets = await this.#api.firstAssociated('tasks', ids, 'tickets');
    return mine.map((task) =>
      taskState(task.id, task.properties, task.createdAt.getTime(), onTickets.get(task.id) ?? onOrders.get(task.id)),
    );
  }

  async addNote(note: NewNote): Promise<Made> {
    const parent = parentOf(note.relatedTo, 'notes');
    return this.#createOnce('notes', 'hs_note_body', parent, note.relatedTo.id, note.actionKey, {
      properties: {
        hs_note_body: withActionKey(note.body, note.actionKey, BODY_LENGTH),
        hs_timestamp: new Date(this.#clock.now()).toISOString(),
      },
      associations: await this.#associations('notes', [{ type: parent, id: note.relatedTo.id }]),
    });
  }

  /** Finds what an earlier attempt made under this key on the parent record (the oldest), or creates it. */
  async #createOnce(
    type: 'tasks' | 'notes',
    bodyProperty: string,
    parent: HubSpotObject,
    parentId: string,
    key: string,
    input: { properties: Record<string, string>; associations: PublicAssociationsForObject[] },
  ): Promise<Made> {
    const ids = await this.#api.associatedIds(parent, parentId, type);
    const made = (await this.#api.readMany(type, ids, bodyProperty))
      .filter((record) => actionKeyOf(record.properties[bodyProperty]) === key)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id) - Number(b.id))[0];
    if (made) return { id: made.id, existing: true };
    const created = await this.#api.create(type, input);
    return { id: created.id, existing: false };
  }

  async #associations(
    from: 'tasks' | 'notes',
    links: readonly { type: HubSpotObject; id: string }[],
  ): Promise<PublicAssociationsForObject[]> {
    return Promise.all(
      links.map(async (link) => ({
        to: { id: link.id },
        types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: await this.#types.typeId(from, link.type) }],
      })),
    );
  }
}

function objectOf(ref: RecordRef): HubSpotObject {
  if (ref.crm !== 'hubspot') {
    throw new CrmError('WRONG_CRM', `${ref.crm} record ${ref.id} given to the HubSpot adapter`, false);
  }
  return OBJECT_OF_KIND[ref.kind];
}

/** The record a task or note hangs on: a ticket, an order or a contact (not another task). */
function parentOf(ref: RecordRef, what: 'tasks' | 'notes'): HubSpotObject {
  const type = objectOf(ref);
  if (type === 'tasks') throw new CrmError('UNSUPPORTED', `HubSpot ${what} cannot be associated with tasks`, false);
  return type;
}

const associated = (record: SimplePublicObjectWithAssociations, type: string): string[] =>
  record.associations?.[type]?.results.map((result) => result.id) ?? [];

const email = (value: string | null | undefined): { email?: string } =>
  typeof value === 'string' && value !== '' ? { email: value } : {};
