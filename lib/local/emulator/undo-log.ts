/**
 * What an emulated CRM's transaction needs to be all-or-none: each row written remembers what it
 * was, so a rollback restores just those rows. A write costs the same in a large org as in a small
 * one (copying every table per transaction did not).
 */
export class UndoLog<Row> {
  #entries: { readonly table: Map<string, Row>; readonly key: string; readonly before: Row | undefined }[] = [];

  /** Sets (or with undefined, deletes) one row, remembering what it was. */
  write(table: Map<string, Row>, key: string, row: Row | undefined): void {
    this.#entries.push({ table, key, before: table.get(key) });
    if (row === undefined) table.delete(key);
    else table.set(key, row);
  }

  /** Puts every row written since the last clear back as it was, newest first. */
  rollback(): void {
    for (const { table, key, before } of this.#entries.reverse()) {
      if (before === undefined) table.delete(key);
      else table.set(key, before);
    }
    this.#entries = [];
  }

  clear(): void {
    this.#entries = [];
  }
}

/** Tells every listener of every committed change; one listener's failure does not stop the others. */
export function announce<E>(events: readonly E[], listeners: Iterable<(event: E) => void>): void {
  for (const event of events) {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure must not undo a committed write; listeners report their own errors.
      }
    }
  }
}
