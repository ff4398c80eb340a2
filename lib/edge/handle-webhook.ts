import { ERROR_STATUS } from './error-codes.ts';
import { splitTarget } from './request-target.ts';
import { errorResponse } from './responses.ts';
import { findRoute } from './routes/index.ts';
import type { EdgeDeps, WebhookRequest, WebhookResponse } from './types.ts';
import type { Verdict } from './verdict.ts';

/**
 * The webhook edge (DESIGN §1, §4), independent of Lambda: find the route, let it verify and read
 * the request, queue the events, answer. Every refusal is a 4xx with a stable code and queues
 * nothing; a 5xx means only that nothing was queued and the CRM should retry. Logs name the code,
 * route, size and org — never the path (it may hold a token) nor any field value.
 */
export async function handleWebhook(received: WebhookRequest, deps: EdgeDeps): Promise<WebhookResponse> {
  const receivedAt = deps.clock.now();
  const request = splitTarget(received);
  const bytes = request.rawBody.length;
  const found = findRoute(request.path);
  if (!found) {
    deps.logger?.warn('webhook refused', { code: 'not_found', status: 404, bytes });
    return errorResponse('json', 'not_found', 'no webhook endpoint at this path');
  }
  const { route, params } = found;
  if (request.method.toUpperCase() !== 'POST') {
    deps.logger?.warn('webhook refused', { code: 'method_not_allowed', route: route.name, status: 405, bytes });
    return errorResponse(route.errors, 'method_not_allowed', 'webhooks are POSTed', { allow: 'POST' });
  }

  let verdict: Verdict;
  try {
    verdict = route.verify(request, params, deps, receivedAt);
  } catch (error) {
    // A bug of ours, not the sender's: 5xx so the CRM retries once it is fixed.
    deps.logger?.error('webhook failed', { code: 'internal_error', route: route.name, bytes, error: errorName(error) });
    return errorResponse(route.errors, 'internal_error', 'the edge failed to read the request');
  }
  if (!verdict.accepted) {
    const { code, orgId } = verdict;
    deps.logger?.warn('webhook refused', { code, route: route.name, status: ERROR_STATUS[code], bytes, orgId });
    return errorResponse(route.errors, code, verdict.message);
  }

  const { events, orgId } = verdict;
  try {
    await deps.queue.enqueue(events);
  } catch (error) {
    deps.logger?.error('webhook not queued', {
      code: 'enqueue_failed',
      route: route.name,
      events: events.length,
      bytes,
      orgId,
      error: errorName(error),
    });
    return errorResponse(route.errors, 'enqueue_failed', 'the events could not be queued — retry later');
  }
  deps.logger?.info('webhook accepted', { route: route.name, events: events.length, bytes, orgId });
  return verdict.reply;
}

/** The error's class and message: ours or the queue's, never the payload's. */
const errorName = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
