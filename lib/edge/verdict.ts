import type { CrmEvent } from '../core/model/crm-event.ts';
import type { EdgeErrorCode } from './error-codes.ts';
import type { WebhookResponse } from './types.ts';

/** What a route decided about a request, before anything is queued. */
export type Verdict = Accepted | Refused;

export interface Accepted {
  readonly accepted: true;
  readonly events: readonly CrmEvent[];
  /** The answer once the queue has the events. */
  readonly reply: WebhookResponse;
  readonly orgId?: string;
}

export interface Refused {
  readonly accepted: false;
  readonly code: EdgeErrorCode;
  /** Where and what, never a payload value: it is logged and answered. */
  readonly message: string;
  /** The organization the payload claimed, once it was read (for the log). */
  readonly orgId?: string;
}

export const refuse = (code: EdgeErrorCode, message: string, orgId?: string): Refused => ({
  accepted: false,
  code,
  message,
  ...(orgId === undefined ? {} : { orgId }),
});

export const accept = (events: readonly CrmEvent[], reply: WebhookResponse, orgId?: string): Accepted => ({
  accepted: true,
  events,
  reply,
  ...(orgId === undefined ? {} : { orgId }),
});
