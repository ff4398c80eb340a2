import { SalesforceApiError, notFound } from '../api-error.ts';
import { methodNotAllowed, objectBody } from './body.ts';
import { viewRecord } from './record-view.ts';
import { requestedFields } from './sobject-routes.ts';
import { json, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

const MAX_RECORDS = 200;

interface SaveResult {
  readonly id?: string;
  readonly success: boolean;
  readonly errors: readonly { statusCode: string; message: string; fields: readonly string[] }[];
}

const ROLLED_BACK: SaveResult = {
  success: false,
  errors: [
    {
      statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
      fields: [],
    },
  ],
};

/** sObject Collections: `composite/sobjects` (POST create, PATCH update, DELETE) and `composite/sobjects/T` (retrieve). */
export function collectionRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  const typeName = request.segments[2];
  if (typeName !== undefined) return retrieveMany(context, request, typeName);
  const { org } = context;
  switch (request.method) {
    case 'POST': {
      const { records, allOrNone } = recordsBody(request.body);
      return json(
        200,
        saveAll(
          context,
          allOrNone,
          records.map((record) => () => {
            const type = typeOf(record);
            if ('id' in record || 'Id' in record) {
              throw new SalesforceApiError(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
            }
            return { id: org.create(type, record, 'api').Id as string };
          }),
        ),
      );
    }
    case 'PATCH': {
      const { records, allOrNone } = recordsBody(request.body);
      return json(
        200,
        saveAll(
          context,
          allOrNone,
          records.map((record) => (mark) => {
            const { id: lower, Id: upper, ...fields } = record;
            const id = typeof lower === 'string' ? lower : typeof upper === 'string' ? upper : undefined;
            if (id === undefined)
              throw new SalesforceApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
            mark(id);
            const type = hasType(record) ? typeOf(record) : (org.locate(id)?.type ?? '');
            if (!org.get(type, id)) throw new SalesforceApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
            return { id: org.update(type, id, fields, 'api').Id as string };
          }),
        ),
      );
    }
    case 'DELETE': {
      const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id.length > 0);
      checkSize(ids.length);
      const allOrNone = request.query.get('allOrNone') === 'true';
      return json(
        200,
        saveAll(
          context,
          allOrNone,
          ids.map((id) => (mark) => {
            mark(id);
            const found = org.locate(id);
            if (!found) throw new SalesforceApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
            return { id: org.remove(found.type, id, 'api').Id as string };
          }),
        ),
      );
    }
    default:
      throw methodNotAllowed(request.method, ['POST', 'PATCH', 'DELETE']);
  }
}

/** `POST composite/sobjects/T {ids, fields}` (what jsforce's retrieve([ids]) sends) or `GET …?ids=&fields=`. */
function retrieveMany(context: ApiContext, request: ApiRequest, typeName: string): ApiResponse {
  const def = context.org.catalog.object(typeName);
  if (!def) throw notFound();
  let ids: unknown;
  let fields: unknown;
  if (request.method === 'POST') {
    ({ ids, fields } = objectBody(request.body));
  } else if (request.method === 'GET') {
    ids = request.query.get('ids')?.split(',');
    fields = request.query.get('fields')?.split(',');
  } else {
    throw methodNotAllowed(request.method, ['GET', 'POST']);
  }
  if (!isStrings(ids) || !isStrings(fields) || fields.length === 0) {
    throw new SalesforceApiError(400, 'INVALID_FIELD', 'ids and fields must be lists of names', ['ids', 'fields']);
  }
  checkSize(ids.length);
  const selected = requestedFields(context, def, fields.join(','));
  return json(
    200,
    ids.map((id) => {
      const record = context.org.get(def.name, id);
      return record ? viewRecord(def, record, request.version, selected) : null;
    }),
  );
}

type Operation = (mark: (id: string) => void) => { id: string };

/** Runs each operation; with allOrNone, one failure rolls all of them back, as Salesforce does. */
function saveAll(context: ApiContext, allOrNone: boolean, operations: readonly Operation[]): SaveResult[] {
  const results: SaveResult[] = [];
  const rollback = new Error('all or none');
  try {
    context.org.transaction(() => {
      for (const operation of operations) {
        let id: string | undefined;
        try {
          results.push({ ...operation((known) => (id = known)), success: true, errors: [] });
        } catch (error) {
          if (!(error instanceof SalesforceApiError)) throw error;
          const errors = [{ statusCode: error.errorCode, message: error.message, fields: error.fields }];
          results.push({ ...(id === undefined ? {} : { id }), success: false, errors });
        }
      }
      if (allOrNone && results.some((result) => !result.success)) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
    return results.map((result) => (result.success ? ROLLED_BACK : result));
  }
  return results;
}

type Body = Record<string, unknown>;

function recordsBody(body: unknown): { records: Body[]; allOrNone: boolean } {
  const { records, allOrNone } = objectBody(body);
  if (!Array.isArray(records) || !records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    throw new SalesforceApiError(400, 'JSON_PARSER_ERROR', 'records must be a list of objects');
  }
  checkSize(records.length);
  return { records: records as Body[], allOrNone: allOrNone === true };
}

const hasType = (record: Body): boolean =>
  typeof (record.attributes as { type?: unknown } | undefined)?.type === 'string';

function typeOf(record: Body): string {
  if (!hasType(record)) throw new SalesforceApiError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
  return (record.attributes as { type: string }).type;
}

function checkSize(count: number): void {
  if (count > MAX_RECORDS) {
    throw new SalesforceApiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
    );
  }
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
