import type { Instant } from '../../core/time/instant.ts';
import type { ErrorStyle } from '../responses.ts';
import type { EdgeDeps, WebhookRequest } from '../types.ts';
import type { Verdict } from '../verdict.ts';

/**
 * One webhook endpoint: which paths it serves and how it verifies and reads a request. Routes never
 * queue: handle-webhook.ts does, for all of them, so "answer only after the queue accepted" holds
 * everywhere. A new source is one more Route in routes/index.ts.
 */
export interface Route {
  /** For logs and metrics; never the path, which may hold a secret. */
  readonly name: string;
  readonly errors: ErrorStyle;
  /** The path's parameters when this route serves it. */
  match(path: string): Readonly<Record<string, string>> | undefined;
  /** Called for POSTs only. */
  verify(
    request: WebhookRequest,
    params: Readonly<Record<string, string>>,
    deps: EdgeDeps,
    receivedAt: Instant,
  ): Verdict;
}
