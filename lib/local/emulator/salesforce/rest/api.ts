import { SalesforceApiError, notFound } from '../api-error.ts';
import type { SalesforceOrg } from '../org.ts';
import { collectionRoute } from './collection-routes.ts';
import { compositeRoute } from './composite-route.ts';
import { QueryCursors } from './query-cursors.ts';
import { queryRoute } from './query-routes.ts';
import { sobjectRoute } from './sobject-routes.ts';
import { apiBase, json, type ApiContext, type ApiRequest, type ApiResponse } from './types.ts';

/**
 * The REST subset jsforce uses, as a function from request to response: no HTTP here, so composite
 * subrequests run through the same routes and tests of the model need no server.
 */
export function createRestApi(org: SalesforceOrg, options: { readonly batchSize?: number } = {}) {
  const context: ApiContext = {
    org,
    cursors: new QueryCursors(),
    batchSize: options.batchSize ?? 2000,
    dispatch: (request) => handle(request),
  };

  function handle(request: ApiRequest): ApiResponse {
    try {
      return route(context, request);
    } catch (error) {
      if (error instanceof SalesforceApiError) return json(error.status, error.toBody());
      throw error;
    }
  }
  return handle;
}

function route(context: ApiContext, request: ApiRequest): ApiResponse {
  const [resource, second] = request.segments;
  switch (resource) {
    case undefined: {
      const base = apiBase(request.version);
      return json(200, {
        sobjects: `${base}/sobjects`,
        query: `${base}/query`,
        queryAll: `${base}/queryAll`,
        composite: `${base}/composite`,
      });
    }
    case 'sobjects':
      return sobjectRoute(context, request);
    case 'composite':
      if (second === 'sobjects') return collectionRoute(context, request);
      if (second === undefined) return compositeRoute(context, request);
      throw notFound();
    case 'query':
    case 'queryAll':
      if (request.method !== 'GET')
        throw new SalesforceApiError(
          405,
          'METHOD_NOT_ALLOWED',
          `HTTP Method '${request.method}' not allowed. Allowed are GET,HEAD`,
        );
      return queryRoute(context, request);
    default:
      throw notFound();
  }
}
