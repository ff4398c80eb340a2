import { associationType } from './association-types.ts';
import type { ObjectType } from './object-types.ts';

const key = (type: ObjectType, id: string): string => `${type}:${id}`;

interface Linked {
  readonly type: ObjectType;
  readonly id: string;
}
/** Per record (`type:id`), the records it is associated with, in the order they were associated. */
type Edges = Map<string, Map<string, Linked>>;

/**
 * Which records are associated. HubSpot associations are two-way: associating a task with a ticket
 * also associates the ticket with the task (with the inverse type), and both ends list it. Each end
 * keeps its associations in the order they were made.
 */
export class AssociationStore {
  #edges: Edges = new Map();

  associate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): void {
    if (!associationType(fromType, toType)) throw new Error(`HubSpot does not associate ${fromType} with ${toType}`);
    this.#end(fromType, fromId).set(key(toType, toId), { type: toType, id: toId });
    this.#end(toType, toId).set(key(fromType, fromId), { type: fromType, id: fromId });
  }

  dissociate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): boolean {
    const removed = this.#edges.get(key(fromType, fromId))?.delete(key(toType, toId)) ?? false;
    this.#edges.get(key(toType, toId))?.delete(key(fromType, fromId));
    return removed;
  }

  /** Ids of the `toType` records associated with one record, oldest association first. */
  ids(fromType: ObjectType, fromId: string, toType: ObjectType): string[] {
    const end = this.#edges.get(key(fromType, fromId));
    return end ? [...end.values()].filter((other) => other.type === toType).map((other) => other.id) : [];
  }

  /** Forgets a record's associations (HubSpot drops them when the record is archived). */
  removeAll(type: ObjectType, id: string): void {
    const end = this.#edges.get(key(type, id));
    for (const other of end?.values() ?? []) this.#edges.get(key(other.type, other.id))?.delete(key(type, id));
    this.#edges.delete(key(type, id));
  }

  #end(type: ObjectType, id: string): Map<string, Linked> {
    let end = this.#edges.get(key(type, id));
    if (!end) this.#edges.set(key(type, id), (end = new Map()));
    return end;
  }

  snapshot(): Edges {
    return new Map([...this.#edges].map(([k, end]) => [k, new Map(end)]));
  }

  restore(snapshot: Edges): void {
    this.#edges = snapshot;
  }
}
