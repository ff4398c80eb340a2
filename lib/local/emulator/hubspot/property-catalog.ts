import type { ObjectType } from './object-types.ts';
import { standardProperties, type PropertyDef, type PropertyType } from './properties.ts';

/**
 * The portal's properties per object, looked up as HubSpot does (internal names are lower case).
 * Custom properties can be added, which is what an admin does in the settings, and how a scenario
 * whose config maps `order.promisedAt` to another property gets that property.
 */
export class PropertyCatalog {
  readonly #defs = new Map<ObjectType, Map<string, PropertyDef>>();

  constructor(defs: Record<ObjectType, PropertyDef[]> = standardProperties()) {
    for (const [type, list] of Object.entries(defs) as [ObjectType, PropertyDef[]][]) {
      this.#defs.set(type, new Map(list.map((def) => [def.name, def])));
    }
  }

  get(type: ObjectType, name: string): PropertyDef | undefined {
    return this.#table(type).get(name.toLowerCase());
  }

  all(type: ObjectType): PropertyDef[] {
    return [...this.#table(type).values()];
  }

  /** Adds a custom property (idempotent: an existing one is kept as it is). */
  define(type: ObjectType, name: string, propertyType: PropertyType, options?: readonly string[]): PropertyDef {
    const key = name.toLowerCase();
    if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`"${name}" is not a HubSpot property name`);
    const existing = this.#table(type).get(key);
    if (existing) return existing;
    const def: PropertyDef = { name: key, type: propertyType, ...(options ? { options } : {}) };
    this.#table(type).set(key, def);
    return def;
  }

  #table(type: ObjectType): Map<string, PropertyDef> {
    let table = this.#defs.get(type);
    if (!table) this.#defs.set(type, (table = new Map()));
    return table;
  }
}
