import { objectNotFound } from '../api-error.ts';
import type { ObjectType } from '../object-types.ts';
import { associationInputs } from './association-input.ts';
import { listParam, methodNotAllowed, objectBody, objectTypeOf, routeNotFound, wholeNumber } from './body.ts';
import { viewRecord, type PropertySelection } from './record-view.ts';
import { json, noContent, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

const MAX_PAGE = 100;

/** `/crm/v3/objects/{type}` (list, create) and `/crm/v3/objects/{type}/{id}` (read, update, archive). */
export function objectRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  const { portal } = context;
  const [, , typeName, id, ...rest] = request.segments;
  const def = objectTypeOf(typeName);
  if (rest.length > 0) throw routeNotFound();
  if (id === undefined) {
    switch (request.method) {
      case 'POST': {
        const body = objectBody(request.body);
        const associations = associationInputs(def.name, body.associations);
        const record = portal.create(def.name, body.properties ?? {}, 'api', { associations });
        return json(201, viewRecord(portal, record, { properties: 'set' }));
      }
      case 'GET':
        return listPage(context, def.name, request.query);
      default:
        throw methodNotAllowed(request.method);
    }
  }
  switch (request.method) {
    case 'GET': {
      const record = portal.get(def.name, id);
      if (!record) throw objectNotFound(id);
      return json(200, viewRecord(portal, record, readOptions(request.query)));
    }
    case 'PATCH': {
      const record = portal.update(def.name, id, objectBody(request.body).properties ?? {}, 'api');
      return json(200, viewRecord(portal, record, { properties: 'set' }));
    }
    case 'DELETE':
      // Archiving is idempotent in HubSpot: a record already gone answers 204 too.
      if (portal.get(def.name, id)) portal.archive(def.name, id, 'api');
      return noContent;
    default:
      throw methodNotAllowed(request.method);
  }
}

/** `?properties=…&associations=…` of a read. */
export function readOptions(query: URLSearchParams) {
  const properties: PropertySelection = listParam(query, 'properties') ?? 'defaults';
  const associations = (listParam(query, 'associations') ?? []).map((name) => objectTypeOf(name).name);
  return { properties, associations };
}

/** `GET /crm/v3/objects/{type}?limit&after`: records in id order, `after` the last id of the page before. */
function listPage(context: ApiContext, type: ObjectType, query: URLSearchParams): ApiResponse {
  const limit = Math.min(Math.max(wholeNumber(query.get('limit'), 'limit', 10), 1), MAX_PAGE);
  const after = wholeNumber(query.get('after'), 'after', 0);
  const records = context.portal
    .records(type)
    .filter((record) => Number(record.id) > after)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const page = records.slice(0, limit);
  const last = page.at(-1);
  return json(200, {
    results: page.map((record) => viewRecord(context.portal, record, readOptions(query))),
    ...(records.length > limit && last ? { paging: { next: { after: last.id, link: `?after=${last.id}` } } } : {}),
  });
}
