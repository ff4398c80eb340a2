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
  readonly #edges: Edges = new Map();
  /** While a savepoint is open: each end as it was before its first change since. */
  #saved: Map<string, Map<string, Linked> | undefined> | undefined;

  associate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): void {
    if (!associationType(fromType, toType)) throw new Error(`HubSpot does not associate ${fromType} with ${toType}`);
    this.#touch(key(fromType, fromId), key(toType, toId));
    this.#end(fromType, fromId).set(key(toType, toId), { type: toType, id: toId });
    this.#end(toType, toId).set(key(fromType, fromId), { type: fromType, id: fromId });
  }

  dissociate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): boolean {
    this.#touch(key(fromType, fromId), key(toType, toId));
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
    this.#touch(key(type, id), ...[...(end?.values() ?? [])].map((other) => key(other.type, other.id)));
    for (const other of end?.values() ?? []) this.#edges.get(key(other.type, other.id))?.delete(key(type, id));
    this.#edges.delete(key(type, id));
  }

  #end(type: ObjectType, id: string): Map<string, Linked> {
    let end = this.#edges.get(key(type, id));
    if (!end) this.#edges.set(key(type, id), (end = new Map()));
    return end;
  }

  /**
   * Opens a savepoint: changes until `release()` can be undone with `rollback()`. Only the ends
   * changed are kept, so a savepoint costs the same however many records there are.
   */
  savepoint(): { rollback(): void; release(): void } {
    const saved = new Map<string, Map<string, Linked> | undefined>();
    this.#saved = saved;
    return {
      rollback: () => {
        for (const [end, before] of saved) {
          if (before === undefined) this.#edges.delete(end);
          else this.#edges.set(end, before);
        }
        saved.clear();
      },
      release: () => {
        if (this.#saved === saved) this.#saved = undefined;
      },
    };
  }

  #touch(...ends: string[]): void {
    const saved = this.#saved;
    if (!saved) return;
    for (const end of ends) {
      if (saved.has(end)) continue;
      const current = this.#edges.get(end);
      saved.set(end, current && new Map(current));
    }
  }
}
