import { badRequest, objectNotFound } from '../api-error.ts';
import { associationType, type AssociationTypeDef } from '../association-types.ts';
import type { ObjectTypeDef } from '../object-types.ts';
import type { HubSpotPortal } from '../portal.ts';
import { batchInputs, methodNotAllowed, objectBody, objectTypeOf, routeNotFound, wholeNumber } from './body.ts';
import { json, noContent, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

const MAX_PAGE = 500;

/** `/crm/v4/objects/{type}/{id}/associations/…`: list, associate (labelled or default), remove. */
export function recordAssociationRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  const [, , typeName, id, , ...rest] = request.segments;
  const from = objectTypeOf(typeName);
  const fromId = id as string;
  const { portal } = context;
  if (rest[0] === 'default' && rest.length === 3) {
    if (request.method !== 'PUT') throw methodNotAllowed(request.method);
    return associateDefault(portal, from, fromId, objectTypeOf(rest[1]), rest[2] as string);
  }
  const [toName, toId, ...extra] = rest;
  if (toName === undefined || extra.length > 0) throw routeNotFound();
  const to = objectTypeOf(toName);
  const type = associationType(from.name, to.name);
  if (!type) throw badRequest(`${from.singular} cannot be associated with ${to.name}`);
  if (toId === undefined) {
    if (request.method !== 'GET') throw methodNotAllowed(request.method);
    if (!portal.get(from.name, fromId)) throw objectNotFound(fromId);
    const ids = portal.associatedIds(from.name, fromId, to.name);
    const limit = Math.min(Math.max(wholeNumber(request.query.get('limit'), 'limit', MAX_PAGE), 1), MAX_PAGE);
    const after = wholeNumber(request.query.get('after'), 'after', 0);
    const next = after + limit;
    return json(200, {
      results: ids.slice(after, next).map((other) => associatedView(type, other)),
      ...(next < ids.length ? { paging: { next: { after: String(next), link: `?after=${next}` } } } : {}),
    });
  }
  switch (request.method) {
    case 'PUT': {
      checkSpecs(request.body, type);
      portal.associate(from.name, fromId, to.name, toId);
      return json(201, {
        fromObjectTypeId: from.objectTypeId,
        fromObjectId: Number(fromId),
        toObjectTypeId: to.objectTypeId,
        toObjectId: Number(toId),
        labels: [],
      });
    }
    case 'DELETE':
      portal.dissociate(from.name, fromId, to.name, toId);
      return noContent;
    default:
      throw methodNotAllowed(request.method);
  }
}

/** `/crm/v4/associations/{from}/{to}/labels` and `…/batch/read`. */
export function associationSchemaRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  const [, , fromName, toName, ...rest] = request.segments;
  const from = objectTypeOf(fromName);
  const to = objectTypeOf(toName);
  const type = associationType(from.name, to.name);
  if (rest.length === 1 && rest[0] === 'labels') {
    if (request.method !== 'GET') throw methodNotAllowed(request.method);
    return json(200, { results: type ? [{ category: 'HUBSPOT_DEFINED', typeId: type.typeId, label: null }] : [] });
  }
  if (rest.length === 2 && rest[0] === 'batch' && rest[1] === 'read') {
    if (request.method !== 'POST') throw methodNotAllowed(request.method);
    if (!type) throw badRequest(`${from.singular} cannot be associated with ${to.name}`);
    return batchRead(context.portal, from, to, type, request.body);
  }
  throw routeNotFound();
}

function batchRead(
  portal: HubSpotPortal,
  from: ObjectTypeDef,
  to: ObjectTypeDef,
  type: AssociationTypeDef,
  body: unknown,
): ApiResponse {
  const startedAt = new Date(portal.now()).toISOString();
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of batchInputs(body, 1000)) {
    const id = String(objectBody(input).id ?? '');
    const ids = portal.associatedIds(from.name, id, to.name);
    if (ids.length === 0) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${to.singular} is associated with ${from.singular} ${id}.`,
        context: { fromObjectId: [id] },
      });
    } else {
      results.push({ from: { id }, to: ids.map((other) => associatedView(type, other)) });
    }
  }
  return json(errors.length > 0 ? 207 : 200, {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    startedAt,
    completedAt: new Date(portal.now()).toISOString(),
  });
}

function associateDefault(
  portal: HubSpotPortal,
  from: ObjectTypeDef,
  fromId: string,
  to: ObjectTypeDef,
  toId: string,
): ApiResponse {
  const there = associationType(from.name, to.name);
  const back = associationType(to.name, from.name);
  if (!there || !back) throw badRequest(`${from.singular} cannot be associated with ${to.name}`);
  portal.associate(from.name, fromId, to.name, toId);
  const at = new Date(portal.now()).toISOString();
  const spec = (def: AssociationTypeDef) => ({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: def.typeId });
  return json(200, {
    status: 'COMPLETE',
    results: [
      { from: { id: fromId }, to: { id: toId }, associationSpec: spec(there) },
      { from: { id: toId }, to: { id: fromId }, associationSpec: spec(back) },
    ],
    startedAt: at,
    completedAt: at,
  });
}

/** The body of a labelled associate: `[{ associationCategory, associationTypeId }]` of this direction. */
function checkSpecs(body: unknown, type: AssociationTypeDef): void {
  if (!Array.isArray(body) || body.length === 0) throw badRequest('Invalid input JSON: a list of association types');
  for (const item of body) {
    const { associationCategory, associationTypeId } = objectBody(item);
    if (associationCategory !== 'HUBSPOT_DEFINED' || Number(associationTypeId) !== type.typeId) {
      throw badRequest(
        `${String(associationCategory)} association type ${String(associationTypeId)} is not valid from ${type.from} to ${type.to}`,
        { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' },
      );
    }
  }
}

/** v4 answers carry the other record's id as a number. */
const associatedView = (type: AssociationTypeDef, id: string) => ({
  toObjectId: Number(id),
  associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: type.typeId, label: null }],
});
