import type { ObjectDef } from '../schema.ts';
import { apiBase } from './types.ts';

const label = (name: string): string =>
  name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/ Id$/, ' ID');

function urls(def: ObjectDef, version: string) {
  const base = `${apiBase(version)}/sobjects/${def.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

/** `GET sobjects/T/describe`: what jsforce's retrieve([ids]) and find() without fields read. */
export function describeObject(def: ObjectDef, version: string) {
  return {
    ...objectSummary(def, version),
    fields: def.fields.map((f) => ({
      name: f.name,
      label: label(f.name),
      type: f.type,
      length: f.length,
      custom: f.custom,
      nillable: f.nillable,
      createable: f.createable,
      updateable: f.updateable,
      filterable: f.filterable,
      sortable: f.filterable,
      groupable: f.filterable && f.type !== 'datetime',
      defaultedOnCreate: f.defaultValue !== undefined || !f.createable,
      defaultValue: f.defaultValue ?? null,
      autoNumber: f.autoNumber,
      calculated: false,
      unique: false,
      externalId: false,
      idLookup: f.type === 'id',
      referenceTo: f.referenceTo,
      relationshipName: f.type === 'reference' ? f.name.replace(/Id$/, '') : null,
      picklistValues: f.picklistValues.map((value, i) => ({
        value,
        label: value,
        active: true,
        defaultValue: i === 0 && f.defaultValue === value,
      })),
      soapType:
        f.type === 'id' || f.type === 'reference'
          ? 'tns:ID'
          : `xsd:${f.type === 'datetime' ? 'dateTime' : f.type === 'boolean' ? 'boolean' : f.type === 'double' ? 'double' : f.type === 'date' ? 'date' : 'string'}`,
    })),
    childRelationships: [],
    recordTypeInfos: [],
  };
}

/** The object's entry in describeGlobal and the head of its describe. */
export function objectSummary(def: ObjectDef, version: string) {
  return {
    name: def.name,
    label: def.label,
    labelPlural: `${def.label}s`,
    keyPrefix: def.keyPrefix,
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    retrieveable: true,
    searchable: true,
    urls: urls(def, version),
  };
}
