import type { RecordRef } from '../model/crm-event.ts';
import type { Instant } from '../time/instant.ts';

/** Which close (or delivery) a follow-up execution is about. */
export interface FollowUpInput {
  readonly ref: RecordRef;
  readonly trigger: 'case.closed' | 'order.delivered';
  /** 1 for the record's first close, 2 after a reopen and a second close, … */
  readonly occurrence: number;
}

export type FollowUpDecision =
  | { readonly kind: 'wait'; readonly until: string; readonly reason: string }
  | { readonly kind: 'act'; readonly action: FollowUpAction }
  | { readonly kind: 'done'; readonly reason: string };

export type FollowUpAction = CallAction | RemindAction;

export interface CallAction {
  readonly type: 'call';
  readonly key: string;
  readonly ref: RecordRef;
  readonly policy: string;
  readonly ownerId: string;
  readonly dueAt: Instant;
  readonly subject: string;
  readonly description: string;
  readonly contactId?: string;
  /** `contactedWithin` as the moment before which an earlier call does not count; none without it. */
  readonly contactedSince?: Instant;
}

export interface RemindAction {
  readonly type: 'remind';
  readonly key: string;
  readonly ref: RecordRef;
  readonly policy: string;
  readonly taskId: string;
  readonly recipients: readonly string[];
  readonly ownerId: string;
  readonly note: string;
  readonly email: { readonly subject: string; readonly text: string };
}
