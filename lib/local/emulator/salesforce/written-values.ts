import type { FieldValue } from '../../../core/model/crm-event.ts';
import { SalesforceApiError, invalidField } from './api-error.ts';
import type { Catalog } from './catalog.ts';
import { idKey } from './ids.ts';
import type { SfRecord, WriteSource } from './org.ts';
import type { FieldDef, ObjectDef } from './schema.ts';
import { coerceValue, inferType } from './values.ts';

type Fields = Record<string, FieldValue>;

export interface Lookups {
  readonly catalog: Catalog;
  readonly locate: (id: string) => { readonly type: string; readonly record: SfRecord } | undefined;
}

/**
 * The fields a write sets, checked as Salesforce checks them: known fields only (a scenario may add
 * custom ones), createable/updateable for the API, values of the field's type, references to records
 * that exist and are of an object the field accepts. `Id` in the input must name the record itself.
 */
export function writtenValues(
  lookups: Lookups,
  def: ObjectDef,
  input: Readonly<Record<string, unknown>>,
  source: WriteSource,
  mode: 'create' | 'update',
  selfId?: string,
): Fields {
  const values: Fields = {};
  const refused: string[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (name === 'attributes') continue; // collections send the type along with each record
    const f = fieldFor(lookups.catalog, def, name, raw, source);
    if (f.name === 'Id') {
      if (!(mode === 'update' && typeof raw === 'string' && idKey(raw) === idKey(selfId ?? ''))) refused.push(f.name);
      continue;
    }
    if (source === 'api' && !(mode === 'create' ? f.createable : f.updateable)) {
      refused.push(f.name);
      continue;
    }
    values[f.name] = coerceValue(f, raw);
  }
  if (refused.length > 0) {
    throw new SalesforceApiError(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${refused.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      refused,
    );
  }
  if (source !== 'seed') checkReferences(lookups, def, values);
  return values;
}

function fieldFor(catalog: Catalog, def: ObjectDef, name: string, raw: unknown, source: WriteSource): FieldDef {
  const known = catalog.field(def.name, name);
  if (known) return known;
  if (source !== 'api' && name.endsWith('__c')) {
    return catalog.addCustomField(def.name, name, inferType(raw as FieldValue)); // what an admin adds in Setup
  }
  throw invalidField(`No such column '${name}' on sobject of type ${def.name}`, [name]);
}

/** References must name a record of the right object; they take the target's spelling of its id. */
function checkReferences(lookups: Lookups, def: ObjectDef, values: Fields): void {
  for (const [name, value] of Object.entries(values)) {
    const f = lookups.catalog.field(def.name, name);
    if (!f || f.type !== 'reference' || typeof value !== 'string') continue;
    const target = lookups.locate(value);
    if (target && f.referenceTo.includes(target.type)) {
      values[name] = target.record.Id as string;
      continue;
    }
    const wrongType = target ? ` (a ${target.type}, not a ${f.referenceTo.join(' or ')})` : '';
    throw new SalesforceApiError(
      400,
      'INVALID_CROSS_REFERENCE_KEY',
      `${name}: invalid cross reference id ${value}${wrongType}`,
      [name],
    );
  }
}
