import type { WebhookRequest } from './types.ts';

/**
 * The request with path and query apart. API Gateway hands them over apart; a Node server's
 * `req.url` holds both, and routes match the path alone.
 */
export function splitTarget(request: WebhookRequest): WebhookRequest {
  const at = request.path.indexOf('?');
  if (at < 0) return request;
  return { ...request, path: request.path.slice(0, at), query: request.query ?? request.path.slice(at + 1) };
}
