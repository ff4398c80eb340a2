import { HubSpotApiError, badRequest } from '../api-error.ts';
import { ownerView } from '../owners.ts';
import { methodNotAllowed, routeNotFound, wholeNumber } from './body.ts';
import { json, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

const MAX_PAGE = 500;

/** `/crm/v3/owners/` (a page, optionally by e-mail) and `/crm/v3/owners/{id}` (by owner or user id). */
export function ownerRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  if (request.method !== 'GET') throw methodNotAllowed(request.method);
  const [, , id, ...rest] = request.segments;
  if (rest.length > 0) throw routeNotFound();
  const archived = request.query.get('archived') === 'true';
  const owners = context.portal.owners().filter((owner) => owner.archived === archived);
  if (id !== undefined) {
    const idProperty = request.query.get('idProperty') ?? 'id';
    if (idProperty !== 'id' && idProperty !== 'userId')
      throw badRequest(`idProperty must be id or userId: ${idProperty}`);
    const owner = owners.find((o) => (idProperty === 'id' ? o.id === id : String(o.userId) === id));
    if (!owner) throw new HubSpotApiError(404, 'OBJECT_NOT_FOUND', `Owner ${id} not found`, { context: { id: [id] } });
    return json(200, ownerView(owner));
  }
  const email = request.query.get('email')?.toLowerCase();
  const matching = owners.filter((owner) => email === undefined || owner.email?.toLowerCase() === email);
  const limit = Math.min(Math.max(wholeNumber(request.query.get('limit'), 'limit', 100), 1), MAX_PAGE);
  const after = wholeNumber(request.query.get('after'), 'after', 0);
  const next = after + limit;
  return json(200, {
    results: matching.slice(after, next).map(ownerView),
    ...(next < matching.length ? { paging: { next: { after: String(next), link: `?after=${next}` } } } : {}),
  });
}
