import { SalesforceApiError } from '../api-error.ts';
import { compileSoql, runCompiled } from '../soql/compile.ts';
import { viewRecord } from './record-view.ts';
import { apiBase, json, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

const MIN_BATCH = 200;
const MAX_BATCH = 2000;

/** `GET query?q=` and `GET query/<locator>` (queryAll too: the emulator deletes for good, so they agree). */
export function queryRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  const [resource, locator] = request.segments;
  const nextUrl = (next: string | undefined) =>
    next ? { nextRecordsUrl: `${apiBase(request.version)}/${resource}/${next}` } : {};
  if (locator !== undefined) {
    const page = context.cursors.page(locator);
    return json(200, { totalSize: page.totalSize, done: !page.next, records: page.records, ...nextUrl(page.next) });
  }
  const soql = request.query.get('q');
  if (!soql) throw new SalesforceApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const compiled = compileSoql(soql, context.org.catalog);
  const rows = runCompiled(compiled, context.org.records(compiled.object.name));
  if (compiled.select === 'count') return json(200, { totalSize: rows.length, done: true, records: [] });
  const fields = compiled.select;
  const views = rows.map((record) => viewRecord(compiled.object, record, request.version, fields));
  const first = context.cursors.open(views, batchSize(context, request));
  return json(200, { totalSize: views.length, done: !first.next, records: first.records, ...nextUrl(first.next) });
}

/** `Sforce-Query-Options: batchSize=N` (200–2000) as Salesforce honours it, else the emulator's default. */
function batchSize(context: ApiContext, request: ApiRequest): number {
  const asked = /batchSize=(\d+)/i.exec(request.headers['sforce-query-options'] ?? '');
  if (!asked) return context.batchSize;
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, Number(asked[1])));
}
