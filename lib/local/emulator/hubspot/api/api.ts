import { HubSpotApiError } from '../api-error.ts';
import type { HubSpotPortal } from '../portal.ts';
import { associationSchemaRoute, recordAssociationRoute } from './association-routes.ts';
import { batchRoute } from './batch-routes.ts';
import { objectTypeOf, routeNotFound } from './body.ts';
import { objectRoute } from './object-routes.ts';
import { ownerRoute } from './owner-routes.ts';
import { searchRoute } from './search-route.ts';
import type { ApiContext, ApiRequest, ApiResponse } from './types.ts';

/** What a route answers when it throws: the error in HubSpot's shape, its correlation id filled in later. */
export interface ApiFailure {
  readonly error: HubSpotApiError;
}

/**
 * The CRM API subset @hubspot/api-client uses, as a function from request to response: no HTTP
 * here, so tests of the model need no server. HubSpot errors come back as `{ error }`.
 */
export function createCrmApi(portal: HubSpotPortal) {
  const context: ApiContext = { portal };
  return (request: ApiRequest): ApiResponse | ApiFailure => {
    try {
      return route(context, request);
    } catch (error) {
      if (error instanceof HubSpotApiError) return { error };
      throw error;
    }
  };
}

function route(context: ApiContext, request: ApiRequest): ApiResponse {
  const [version, resource, third, , fifth] = request.segments;
  if (version === 'v3' && resource === 'objects') {
    if (fifth !== undefined && request.segments[3] === 'batch') {
      return batchRoute(context, request, objectTypeOf(third));
    }
    if (request.segments[3] === 'search') return searchRoute(context, request, objectTypeOf(third));
    return objectRoute(context, request);
  }
  if (version === 'v3' && resource === 'owners') return ownerRoute(context, request);
  if (version === 'v4' && resource === 'objects' && fifth === 'associations') {
    return recordAssociationRoute(context, request);
  }
  if (version === 'v4' && resource === 'associations') return associationSchemaRoute(context, request);
  throw routeNotFound();
}
