import { badRequest } from '../api-error.ts';
import type { ObjectTypeDef } from '../object-types.ts';
import { propertyOf, type HsRecord, type HubSpotPortal } from '../portal.ts';
import { methodNotAllowed, objectBody, routeNotFound, wholeNumber } from './body.ts';
import { viewRecord } from './record-view.ts';
import { compare, parseFilterGroups, passes, type Filter } from './search-filters.ts';
import { json, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

const MAX_LIMIT = 200;
const MAX_RESULTS = 10_000;

interface Sort {
  readonly propertyName: string;
  readonly descending: boolean;
}

/**
 * `POST /crm/v3/objects/{type}/search`: filter groups, one sort, `query` text, paging by offset
 * (`after`), at most 200 a page and 10,000 in all, as HubSpot limits it. Unlike HubSpot, whose
 * search index lags writes by seconds, the emulator's answers are current.
 */
export function searchRoute(context: ApiContext, request: ApiRequest, def: ObjectTypeDef): ApiResponse {
  if (request.segments.length !== 4) throw routeNotFound();
  if (request.method !== 'POST') throw methodNotAllowed(request.method);
  const body = objectBody(request.body);
  const groups = parseFilterGroups(body.filterGroups);
  const limit = wholeNumber(body.limit, 'limit', 10);
  if (limit > MAX_LIMIT) throw badRequest(`limit must be at most ${MAX_LIMIT}: ${limit}`);
  const after = wholeNumber(body.after, 'after', 0);
  if (after + limit > MAX_RESULTS) {
    throw badRequest(`The maximum number of results that can be paged through is ${MAX_RESULTS}`);
  }
  const sort = parseSort(body.sorts);
  const query = typeof body.query === 'string' ? body.query.trim().toLowerCase() : '';
  const { portal } = context;
  const matching = portal
    .records(def.name)
    .filter((record) => matchesGroups(portal, record, groups) && matchesQuery(record, query));
  if (sort) matching.sort((a, b) => sortOrder(portal, sort, a, b));
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : [];
  const page = matching.slice(after, after + limit);
  const next = after + limit;
  return json(200, {
    total: matching.length,
    results: page.map((record) => viewRecord(portal, record, { properties })),
    ...(next < matching.length ? { paging: { next: { after: String(next) } } } : {}),
  });
}

const matchesGroups = (portal: HubSpotPortal, record: HsRecord, groups: readonly Filter[][]): boolean =>
  groups.length === 0 || groups.some((filters) => filters.every((filter) => passes(portal, record, filter)));

/** Every word of the query appears in some property value. */
function matchesQuery(record: HsRecord, query: string): boolean {
  if (query === '') return true;
  const values = Object.values(record.properties)
    .filter((value) => value !== null)
    .map((value) => String(value).toLowerCase());
  return query.split(/\s+/).every((word) => values.some((value) => value.includes(word)));
}

/** `[{ propertyName, direction }]` as documented, or `["-createdate"]`, the string form the client types. */
function parseSort(value: unknown): Sort | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest('Invalid input JSON: sorts must be a list');
  if (value.length > 1) throw badRequest('Only one sort is supported');
  const [first] = value as unknown[];
  if (first === undefined) return undefined;
  if (typeof first === 'string') {
    return { propertyName: first.replace(/^-/, '').toLowerCase(), descending: first.startsWith('-') };
  }
  const { propertyName, direction } = objectBody(first);
  if (typeof propertyName !== 'string') throw badRequest('A sort needs a propertyName');
  if (direction !== undefined && direction !== 'ASCENDING' && direction !== 'DESCENDING') {
    throw badRequest(`Sort direction must be ASCENDING or DESCENDING: ${String(direction)}`);
  }
  return { propertyName: propertyName.toLowerCase(), descending: direction === 'DESCENDING' };
}

/** Records without the property come last either way; ties keep creation order. */
function sortOrder(portal: HubSpotPortal, sort: Sort, a: HsRecord, b: HsRecord): number {
  const x = propertyOf(a, sort.propertyName);
  const y = propertyOf(b, sort.propertyName);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const type = portal.catalog.get(a.type, sort.propertyName)?.type ?? 'string';
  const order = compare(type, x, y) ?? 0;
  return sort.descending ? -order : order;
}
