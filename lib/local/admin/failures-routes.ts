/**
 * The admin API of `crmflow dev`, through which `crmflow failures --dev` reaches the running
 * stack's store and workflow runner:
 *   GET  /_crmflow/failures[?state=open|retried]   → { failures: FailureEntry[] } (all without a state)
 *   POST /_crmflow/failures/retry  {ids: [...]} | {all: true}   → { results: RetryReport[] }
 */
import { z } from 'zod';
import type { FailureAdmin } from '../../core/failures/failure-admin.ts';
import type { FailureSelection } from '../../core/failures/select-failures.ts';
import type { WebhookRequest, WebhookResponse } from '../../edge/types.ts';
import { FAILURES_PATH, RETRY_PATH } from './paths.ts';

const RetryBody = z.union([
  z.strictObject({ ids: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ all: z.literal(true) }),
]);

export function failuresRoutes(admin: FailureAdmin): (request: WebhookRequest) => Promise<WebhookResponse> {
  // Loopback only: the store's or runner's error is shown to the one who asked (the CLI prints it).
  return (request) =>
    route(admin, request).catch((error: unknown) =>
      problem(500, 'internal_error', error instanceof Error ? error.message : String(error)),
    );
}

async function route(admin: FailureAdmin, request: WebhookRequest): Promise<WebhookResponse> {
  const [path = '', query = ''] = request.path.split('?', 2);
  if (path === FAILURES_PATH) {
    if (request.method !== 'GET') return notAllowed('GET');
    const state = new URLSearchParams(query).get('state');
    if (state !== null && state !== 'open' && state !== 'retried') {
      return problem(400, 'bad_request', 'state is open or retried (or absent, for all)');
    }
    return json(200, { failures: await admin.list(state ?? undefined) });
  }
  if (path === RETRY_PATH) {
    if (request.method !== 'POST') return notAllowed('POST');
    // A JSON content type is what a cross-site form cannot send without asking first (CORS preflight).
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return problem(415, 'unsupported_media_type', 'send the body as application/json');
    }
    const selection = parseSelection(request.rawBody);
    if (!selection) return problem(400, 'bad_request', 'the body is {"ids": ["<failure id>", …]} or {"all": true}');
    return json(200, { results: await admin.retry(selection) });
  }
  return problem(404, 'not_found', `no admin route ${path}`);
}

function parseSelection(body: Buffer): FailureSelection | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const result = RetryBody.safeParse(parsed);
  if (!result.success) return undefined;
  return 'ids' in result.data ? { ids: result.data.ids } : { allOpen: true };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function problem(status: number, code: string, message: string): WebhookResponse {
  return json(status, { error: { code, message } });
}

function notAllowed(allow: string): WebhookResponse {
  return json(405, { error: { code: 'method_not_allowed', message: `use ${allow}` } }, { allow });
}
