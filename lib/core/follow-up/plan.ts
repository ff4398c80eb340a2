/**
 * The follow-up planner (DESIGN §6, §6b): at the due moment a call task for the right owner unless
 * something suppresses it; `remindAfter` later, if the task is still open, a reminder. Pure.
 */
import type { FollowUpPolicy, Settings } from '../config/settings.ts';
import { isUserId } from '../model/owners.ts';
import { toIso, type Instant } from '../time/instant.ts';
import { followUpDueAt } from '../time/moments.ts';
import type { FollowUpDecision, FollowUpInput } from './decision.ts';
import { callAction, remindAction } from './actions.ts';
import type { FollowUpProgress, FollowUpRecord } from './record-facts.ts';

export function followUpPolicy(settings: Settings, trigger: FollowUpInput['trigger']): FollowUpPolicy | undefined {
  return settings.followUp.find((policy) => policy.on === trigger);
}

export function followUpDue(policy: FollowUpPolicy, occurredAt: Instant): Instant {
  return followUpDueAt(policy.calendar, occurredAt, policy.after, policy.atMinuteOfDay);
}

export function planFollowUp(
  record: FollowUpRecord,
  input: FollowUpInput,
  settings: Settings,
  progress: FollowUpProgress,
  now: Instant,
): FollowUpDecision {
  const policy = followUpPolicy(settings, input.trigger);
  if (!policy) return { kind: 'done', reason: `no follow-up policy for ${input.trigger}` };
  if (record.occurredAt === undefined) return { kind: 'done', reason: 'the record has not closed' };
  const dueAt = followUpDue(policy, record.occurredAt);

  if (!progress.call) {
    if (record.reopened && policy.skipIfReopened) return { kind: 'done', reason: 'reopened: no follow-up call' };
    if (now < dueAt) return { kind: 'wait', until: toIso(dueAt), reason: 'the follow-up call is due' };
    const ownerId = callOwner(record, policy, settings);
    if (!ownerId)
      return { kind: 'done', reason: 'nobody to call: no user owned the record and the policy has no fallback' };
    return { kind: 'act', action: callAction({ record, input, policy, ownerId, dueAt }) };
  }
  if ('suppressed' in progress.call) return { kind: 'done', reason: progress.call.suppressed };
  if (!policy.remindAfter || progress.reminded) return { kind: 'done', reason: 'the follow-up call is made' };
  if (progress.call.status === 'completed') return { kind: 'done', reason: 'the call was completed' };
  const remindAt = policy.calendar.add(dueAt, policy.remindAfter);
  if (now < remindAt)
    return { kind: 'wait', until: toIso(remindAt), reason: 'the reminder, if the call is still open' };
  return {
    kind: 'act',
    action: remindAction({
      record,
      input,
      policy,
      settings,
      taskId: progress.call.taskId,
      ownerId: callOwner(record, policy, settings) ?? '',
      dueAt,
    }),
  };
}

/**
 * Who gets the call: a named target; or for `owner`, the owner at the close if a person, else the
 * last person who owned the record, else the policy's fallback target (DESIGN §6b).
 */
export function callOwner(record: FollowUpRecord, policy: FollowUpPolicy, settings: Settings): string | undefined {
  const crm = record.ref.crm;
  if (policy.assignTo !== 'owner') return settings.targets[policy.assignTo]?.[crm];
  if (isUserId(crm, record.ownerAtClose)) return record.ownerAtClose;
  if (record.lastUserOwnerId) return record.lastUserOwnerId;
  return policy.fallback ? settings.targets[policy.fallback]?.[crm] : undefined;
}
