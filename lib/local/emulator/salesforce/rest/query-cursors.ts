import { SalesforceApiError } from '../api-error.ts';

type Row = Record<string, unknown>;

const KEPT = 100;

/**
 * Open query results for queryMore. A locator is `<cursor>-<position>` like Salesforce's
 * `01gD0000002HU6KIAW-2000`: no `/`, because jsforce keeps only the last path segment of nextRecordsUrl.
 */
export class QueryCursors {
  readonly #cursors = new Map<string, { readonly rows: readonly Row[]; readonly batch: number }>();
  #count = 0;

  /** The first page; the rest stays open under a locator. */
  open(rows: readonly Row[], batch: number): { records: readonly Row[]; next?: string } {
    if (rows.length <= batch) return { records: rows };
    this.#count += 1;
    const cursor = `01g5g0000${String(this.#count).padStart(6, '0')}`;
    this.#cursors.set(cursor, { rows, batch });
    if (this.#cursors.size > KEPT) this.#cursors.delete(this.#cursors.keys().next().value as string);
    return { records: rows.slice(0, batch), next: `${cursor}-${batch}` };
  }

  page(locator: string): { records: readonly Row[]; next?: string; totalSize: number } {
    const match = /^(\w+)-(\d+)$/.exec(locator);
    const open = match ? this.#cursors.get(match[1] as string) : undefined;
    if (!match || !open) {
      throw new SalesforceApiError(400, 'INVALID_QUERY_LOCATOR', `invalid query locator: ${locator}`);
    }
    const start = Number(match[2]);
    const end = start + open.batch;
    return {
      records: open.rows.slice(start, end),
      totalSize: open.rows.length,
      ...(end < open.rows.length ? { next: `${match[1]}-${end}` } : {}),
    };
  }
}
