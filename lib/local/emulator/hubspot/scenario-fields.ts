import type { ObjectType } from './object-types.ts';
import type { HsRecord, HubSpotPortal, WriteSource } from './portal.ts';

/** Scenario fields that stand for an association, and the object they point at. */
const ASSOCIATION_FIELDS: Readonly<Record<string, ObjectType>> = {
  contactId: 'contacts',
  ticketId: 'tickets',
  orderId: 'orders',
};

/**
 * A scenario's or seed's write: its properties, and its association fields (`contactId: "501"`)
 * made into associations; on an update they replace the record's associations with that object,
 * and null removes them. All in one transaction.
 */
export function writeScenarioFields(
  portal: HubSpotPortal,
  mode: 'create' | 'update',
  type: ObjectType,
  id: string | undefined,
  fields: Readonly<Record<string, unknown>>,
  source: WriteSource,
): HsRecord {
  const properties: Record<string, unknown> = {};
  const links: [ObjectType, unknown][] = [];
  for (const [name, value] of Object.entries(fields)) {
    const linked = Object.hasOwn(ASSOCIATION_FIELDS, name) ? ASSOCIATION_FIELDS[name] : undefined;
    if (linked) links.push([linked, value]);
    else properties[name] = value;
  }
  return portal.transaction(() => {
    const created =
      mode === 'create' ? portal.create(type, properties, source, id === undefined ? {} : { id }) : undefined;
    const recordId = created?.id ?? (id as string);
    for (const [toType, value] of links) {
      if (mode === 'update') {
        for (const old of portal.associatedIds(type, recordId, toType)) portal.dissociate(type, recordId, toType, old);
      }
      if (value !== null && value !== undefined && value !== '')
        portal.associate(type, recordId, toType, String(value));
    }
    // An update writes its properties after the links, so its event sees the new associations.
    return created ?? portal.update(type, recordId, properties, source);
  });
}
