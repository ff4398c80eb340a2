import { associationType, v3TypeName } from '../association-types.ts';
import { OBJECT_TYPE_DEFS, type ObjectType } from '../object-types.ts';
import { propertyOf, type HsRecord, type HubSpotPortal } from '../portal.ts';

/**
 * Which properties an answer carries: the object's defaults (a read that asks for none), the ones
 * asked for (unknown names are ignored, unset ones are null), or every property with a value (what
 * a create or update answers).
 */
export type PropertySelection = 'defaults' | 'set' | readonly string[];

export interface ViewOptions {
  readonly properties: PropertySelection;
  /** Objects whose associated ids to list under `associations`, as `?associations=contacts` asks. */
  readonly associations?: readonly ObjectType[];
}

/** A record as the API answers it: `{ id, properties, createdAt, updatedAt, archived, associations? }`. */
export function viewRecord(portal: HubSpotPortal, record: HsRecord, options: ViewOptions): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: record.id,
    properties: selectProperties(portal, record, options.properties),
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: false,
  };
  const associations: Record<string, unknown> = {};
  for (const toType of options.associations ?? []) {
    const type = associationType(record.type, toType);
    const ids = type ? portal.associatedIds(record.type, record.id, toType) : [];
    // HubSpot leaves out objects the record has no associations with.
    if (type && ids.length > 0) {
      associations[toType] = { results: ids.map((id) => ({ id, type: v3TypeName(type) })) };
    }
  }
  if (Object.keys(associations).length > 0) view.associations = associations;
  return view;
}

function selectProperties(portal: HubSpotPortal, record: HsRecord, selection: PropertySelection) {
  const { properties } = record;
  if (selection === 'set') {
    return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null));
  }
  const def = OBJECT_TYPE_DEFS[record.type];
  const names =
    selection === 'defaults'
      ? def.defaultProperties
      : [
          def.createdProperty,
          def.modifiedProperty,
          'hs_object_id',
          ...selection.filter((name) => portal.catalog.get(record.type, name) !== undefined),
        ];
  const selected: Record<string, string | null> = {};
  for (const name of [...new Set(names.map((name) => name.toLowerCase()))].sort()) {
    selected[name] = propertyOf(record, name);
  }
  return selected;
}
