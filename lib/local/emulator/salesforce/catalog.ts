import { standardObjects, field, type FieldDef, type FieldType, type ObjectDef } from './schema.ts';

/**
 * The org's objects and fields, looked up the way Salesforce does: names are case-insensitive, answers
 * use the defined spelling. Custom fields can be added (what an admin does in Setup), which is how a
 * scenario whose config maps `order.promisedAt` to another custom field gets that field.
 */
export class Catalog {
  readonly #objects = new Map<string, { def: ObjectDef; fields: Map<string, FieldDef> }>();

  constructor(objects: readonly ObjectDef[] = standardObjects()) {
    for (const def of objects) {
      this.#objects.set(def.name.toLowerCase(), {
        def,
        fields: new Map(def.fields.map((f) => [f.name.toLowerCase(), f])),
      });
    }
  }

  object(name: string): ObjectDef | undefined {
    return this.#objects.get(name.toLowerCase())?.def;
  }

  objects(): ObjectDef[] {
    return [...this.#objects.values()].map((entry) => entry.def);
  }

  field(objectName: string, fieldName: string): FieldDef | undefined {
    return this.#objects.get(objectName.toLowerCase())?.fields.get(fieldName.toLowerCase());
  }

  /** The object whose records carry this key prefix. */
  objectByPrefix(prefix: string): ObjectDef | undefined {
    return this.objects().find((def) => def.keyPrefix === prefix);
  }

  addCustomField(objectName: string, fieldName: string, type: FieldType): FieldDef {
    const entry = this.#objects.get(objectName.toLowerCase());
    if (!entry) throw new Error(`no object ${objectName}`);
    if (!fieldName.endsWith('__c')) throw new Error(`${fieldName} is not a custom field name (ends with __c)`);
    const existing = entry.fields.get(fieldName.toLowerCase());
    if (existing) return existing;
    const def = field(fieldName, type);
    entry.def = { ...entry.def, fields: [...entry.def.fields, def] };
    entry.fields.set(fieldName.toLowerCase(), def);
    return def;
  }
}
