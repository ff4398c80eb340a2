import { badRequest, objectNotFound } from '../api-error.ts';
import type { ObjectTypeDef } from '../object-types.ts';
import type { HsRecord } from '../portal.ts';
import { associationInputs } from './association-input.ts';
import { batchInputs, methodNotAllowed, objectBody, routeNotFound } from './body.ts';
import { viewRecord } from './record-view.ts';
import { json, noContent, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

/**
 * `/crm/v3/objects/{type}/batch/{read|create|update|archive}`. Creates are all-or-none, as HubSpot
 * validates the whole batch; reads and updates answer 207 with an error listing the ids that do not
 * exist, and do the rest.
 */
export function batchRoute(context: ApiContext, request: ApiRequest, def: ObjectTypeDef): ApiResponse {
  const action = request.segments[4];
  if (request.segments.length !== 5) throw routeNotFound();
  if (request.method !== 'POST') throw methodNotAllowed(request.method);
  const { portal } = context;
  const startedAt = new Date(portal.now()).toISOString();
  const inputs = batchInputs(request.body);
  const answer = (status: number, records: readonly HsRecord[], missing: readonly string[], properties?: unknown) =>
    json(missing.length > 0 ? 207 : status, {
      status: 'COMPLETE',
      results: records.map((record) =>
        viewRecord(portal, record, {
          properties: Array.isArray(properties)
            ? properties.map(String)
            : properties === 'defaults'
              ? 'defaults'
              : 'set',
        }),
      ),
      ...(missing.length > 0 ? { numErrors: 1, errors: [notFoundError(def, missing)] } : {}),
      startedAt,
      completedAt: new Date(portal.now()).toISOString(),
    });
  switch (action) {
    case 'read': {
      const { properties } = objectBody(request.body);
      const ids = inputs.map(idOf);
      const found = ids.map((id) => portal.get(def.name, id)).filter((record) => record !== undefined);
      const missing = ids.filter((id) => !portal.get(def.name, id));
      return answer(200, found, missing, Array.isArray(properties) && properties.length > 0 ? properties : 'defaults');
    }
    case 'create':
      return answer(
        201,
        portal.transaction(() =>
          inputs.map((input) =>
            portal.create(def.name, input.properties ?? {}, 'api', {
              associations: associationInputs(def.name, input.associations),
            }),
          ),
        ),
        [],
      );
    case 'update': {
      const missing = inputs.map(idOf).filter((id) => !portal.get(def.name, id));
      const updated = portal.transaction(() =>
        inputs
          .filter((input) => portal.get(def.name, idOf(input)))
          .map((input) => portal.update(def.name, idOf(input), input.properties ?? {}, 'api')),
      );
      return answer(200, updated, missing);
    }
    case 'archive':
      portal.transaction(() => {
        for (const id of inputs.map(idOf)) if (portal.get(def.name, id)) portal.archive(def.name, id, 'api');
      });
      return noContent;
    default:
      throw routeNotFound();
  }
}

function idOf(input: Readonly<Record<string, unknown>>): string {
  const { id } = input;
  if (typeof id !== 'string' && typeof id !== 'number') throw badRequest('Invalid input JSON: each input needs an id');
  return String(id);
}

function notFoundError(def: ObjectTypeDef, ids: readonly string[]) {
  const error = objectNotFound(ids[0] ?? '');
  return {
    status: 'error',
    category: error.category,
    message: `Could not get some ${def.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids: [...ids] },
  };
}
