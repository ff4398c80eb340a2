/** The CRM objects the emulated portal holds: the ones crmflow reads and writes. */
export const OBJECT_TYPES = ['contacts', 'tickets', 'orders', 'tasks', 'notes'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface ObjectTypeDef {
  /** The plural name: the path segment (`/crm/v3/objects/tickets`) and the key of `associations` in answers. */
  readonly name: ObjectType;
  /** `ticket`: v3 association names (`task_to_ticket`) and classic webhook subscription types (`ticket.creation`). */
  readonly singular: string;
  /** HubSpot's object type id, which `object.*` webhook events carry. */
  readonly objectTypeId: string;
  /** Engagements and commerce objects say `hs_createdate`, contacts and tickets `createdate`. */
  readonly createdProperty: string;
  /** Contacts say `lastmodifieddate`, everything else `hs_lastmodifieddate`. */
  readonly modifiedProperty: string;
  /** What a read answers with when it asks for no properties. */
  readonly defaultProperties: readonly string[];
}

const trio = (created: string, modified: string) => [created, modified, 'hs_object_id'];

export const OBJECT_TYPE_DEFS: Readonly<Record<ObjectType, ObjectTypeDef>> = {
  contacts: {
    name: 'contacts',
    singular: 'contact',
    objectTypeId: '0-1',
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
    defaultProperties: [...trio('createdate', 'lastmodifieddate'), 'email', 'firstname', 'lastname'],
  },
  tickets: {
    name: 'tickets',
    singular: 'ticket',
    objectTypeId: '0-5',
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [
      ...trio('createdate', 'hs_lastmodifieddate'),
      'content',
      'hs_pipeline',
      'hs_pipeline_stage',
      'hs_ticket_category',
      'hs_ticket_priority',
      'subject',
    ],
  },
  orders: {
    name: 'orders',
    singular: 'order',
    objectTypeId: '0-123',
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: trio('hs_createdate', 'hs_lastmodifieddate'),
  },
  tasks: {
    name: 'tasks',
    singular: 'task',
    objectTypeId: '0-27',
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: trio('hs_createdate', 'hs_lastmodifieddate'),
  },
  notes: {
    name: 'notes',
    singular: 'note',
    objectTypeId: '0-46',
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: trio('hs_createdate', 'hs_lastmodifieddate'),
  },
};

/** HubSpot takes an object type by plural or singular name or by id (`tickets`, `ticket`, `0-5`), any case. */
export function resolveObjectType(text: string): ObjectTypeDef | undefined {
  const key = text.trim().toLowerCase();
  return Object.values(OBJECT_TYPE_DEFS).find(
    (def) => def.name === key || def.singular === key || def.objectTypeId === key,
  );
}
