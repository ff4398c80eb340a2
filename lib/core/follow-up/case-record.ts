import type { CaseState } from '../cases/case-state.ts';
import { describeCase } from '../cases/describe.ts';
import type { FollowUpRecord } from './record-facts.ts';

/** A closed case, as the follow-up planner sees it, for its `occurrence`-th close. */
export function caseFollowUpRecord(state: CaseState, occurrence: number): FollowUpRecord {
  const close = state.closes?.[occurrence - 1];
  const reopened =
    close !== undefined && state.statusHistory.some((point) => point.at > close.at && point.status !== 'closed');
  return {
    ref: state.ref,
    title: describeCase(state),
    ...(close ? { occurredAt: close.at } : {}),
    reopened,
    ...(close?.ownerId ? { ownerAtClose: close.ownerId } : {}),
    ...(state.lastUserOwnerId ? { lastUserOwnerId: state.lastUserOwnerId } : {}),
    ...(state.snapshot.contactId ? { contactId: state.snapshot.contactId } : {}),
  };
}
