import type { RecordRef } from '../model/crm-event.ts';
import type { Instant } from '../time/instant.ts';

/**
 * What a follow-up needs to know about the record it follows up, whatever it is (a closed case, a
 * delivered order): the planner stays the same for both.
 */
export interface FollowUpRecord {
  readonly ref: RecordRef;
  /** "case 00001001 — Router keeps rebooting" */
  readonly title: string;
  /** The close (or delivery) this follow-up is about; undefined if it has not happened. */
  readonly occurredAt?: Instant;
  /** The record was reopened (or un-delivered) after that moment. */
  readonly reopened: boolean;
  /** The owner at that moment. */
  readonly ownerAtClose?: string;
  /** The last owner who was a person. */
  readonly lastUserOwnerId?: string;
  readonly contactId?: string;
}

/** What the Plan step read for the planner: the ledger and the CRM. */
export interface FollowUpProgress {
  /** The call task made, or `suppressed` with why, once the call step ran. */
  readonly call?: { readonly taskId: string; readonly status: 'open' | 'completed' } | { readonly suppressed: string };
  readonly reminded: boolean;
}
