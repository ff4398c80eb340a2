import type { RecordRef } from '../model/crm-event.ts';
import type { Instant } from '../time/instant.ts';

/** What one Plan step of the escalation workflow answers (the Choice state switches on `kind`). */
export type EscalationDecision =
  | { readonly kind: 'wait'; readonly until: string; readonly reason: string }
  | { readonly kind: 'act'; readonly action: EscalationAction }
  | { readonly kind: 'done'; readonly reason: string };

export type EscalationAction = EscalateAction | WarnAction;

/** The execution's input: which case, which plan version. */
export interface EscalationInput {
  readonly ref: RecordRef;
  readonly version: number;
}

export interface EscalateAction {
  readonly type: 'escalate';
  readonly key: string;
  readonly ref: RecordRef;
  readonly policy: string;
  readonly tier: number;
  readonly tierCount: number;
  readonly target: string;
  readonly targetOwnerId: string;
  readonly targetIsUser: boolean;
  /** Who owned the case before: `notify: [owner]` tells them. */
  readonly previousOwnerId?: string;
  readonly note: string;
  /** A to-do for the new owner when it is a person. */
  readonly task?: {
    readonly subject: string;
    readonly description: string;
    readonly dueAt: Instant;
    readonly contactId?: string;
  };
  /** Target names, `owner`, or addresses. */
  readonly notify: readonly string[];
  readonly email: { readonly subject: string; readonly text: string };
}

export interface WarnAction {
  readonly type: 'warn';
  readonly key: string;
  readonly ref: RecordRef;
  readonly policy: string;
  readonly tier: number;
  readonly dueAt: Instant;
  readonly ownerId?: string;
  readonly email: { readonly subject: string; readonly text: string };
}
