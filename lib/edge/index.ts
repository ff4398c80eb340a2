/** The webhook edge: verify, read, normalise to CrmEvents, queue, answer (DESIGN §1, §4). */
export { MAX_BODY_BYTES } from './body-checks.ts';
export { ERROR_STATUS, type EdgeErrorCode } from './error-codes.ts';
export { handleWebhook } from './handle-webhook.ts';
export { ROUTES, findRoute, type Route } from './routes/index.ts';
export type { EdgeCrmConfig, EdgeDeps, EdgeLogger, EdgeSecrets, WebhookRequest, WebhookResponse } from './types.ts';
