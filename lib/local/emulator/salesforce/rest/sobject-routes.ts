import { invalidField, notFound } from '../api-error.ts';
import type { ObjectDef, FieldDef } from '../schema.ts';
import { methodNotAllowed, objectBody } from './body.ts';
import { describeObject, objectSummary } from './describe.ts';
import { viewRecord } from './record-view.ts';
import { json, noContent, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

/** `sobjects`, `sobjects/T`, `sobjects/T/describe`, `sobjects/T/{id}`. */
export function sobjectRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  const { org } = context;
  const [, typeName, id, ...rest] = request.segments;
  if (typeName === undefined) {
    if (request.method !== 'GET') throw methodNotAllowed(request.method, ['GET', 'HEAD']);
    const sobjects = org.catalog.objects().map((def) => objectSummary(def, request.version));
    return json(200, { encoding: 'UTF-8', maxBatchSize: 200, sobjects });
  }
  const def = org.catalog.object(typeName);
  if (!def || rest.length > 0) throw notFound();
  if (id === undefined) {
    if (request.method === 'POST') {
      const record = org.create(def.name, objectBody(request.body), 'api');
      return json(201, { id: record.Id, success: true, errors: [] });
    }
    if (request.method === 'GET')
      return json(200, { objectDescribe: objectSummary(def, request.version), recentItems: [] });
    throw methodNotAllowed(request.method, ['GET', 'HEAD', 'POST']);
  }
  if (id === 'describe') {
    if (request.method !== 'GET') throw methodNotAllowed(request.method, ['GET', 'HEAD']);
    return json(200, describeObject(def, request.version));
  }
  switch (request.method) {
    case 'GET': {
      const record = org.get(def.name, id);
      if (!record) throw notFound();
      return json(
        200,
        viewRecord(def, record, request.version, requestedFields(context, def, request.query.get('fields'))),
      );
    }
    case 'PATCH':
      org.update(def.name, id, objectBody(request.body), 'api');
      return noContent;
    case 'DELETE':
      org.remove(def.name, id, 'api');
      return noContent;
    default:
      throw methodNotAllowed(request.method, ['GET', 'PATCH', 'HEAD', 'DELETE']);
  }
}

/** `?fields=A,B`: those fields, and Id, which Salesforce always answers with. */
export function requestedFields(context: ApiContext, def: ObjectDef, list: string | null): readonly FieldDef[] {
  if (!list) return def.fields;
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const fields = names.map((name) => {
    const f = context.org.catalog.field(def.name, name);
    if (!f)
      throw invalidField(
        `No such column '${name}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
        [name],
      );
    return f;
  });
  const id = context.org.catalog.field(def.name, 'Id');
  return fields.some((f) => f.name === 'Id') || !id ? fields : [...fields, id];
}
