/**
 * The escalation planner (DESIGN §6, §6b): from the case's state, the policy, its calendar and now,
 * decide the next step — wait until a moment, escalate or warn, or stop. Pure: everything comes in.
 */
import type { Settings } from '../config/settings.ts';
import type { CaseState } from '../cases/case-state.ts';
import { tierDueAt, warningAt, type CaseClock } from '../time/moments.ts';
import { toIso, type Instant } from '../time/instant.ts';
import { matchEscalationPolicy } from './match-policy.ts';
import type { EscalationDecision } from './decision.ts';
import { escalateAction, warnAction } from './actions.ts';

/** Tiers and warnings already done in the current cycle (from the action ledger). */
export interface EscalationProgress {
  readonly escalated: ReadonlySet<number>;
  readonly warned: ReadonlySet<number>;
}

export function planEscalation(
  state: CaseState,
  version: number,
  settings: Settings,
  progress: EscalationProgress,
  now: Instant,
): EscalationDecision {
  if (state.escalation.version !== version) {
    return { kind: 'done', reason: `superseded by plan v${state.escalation.version}` };
  }
  if (state.snapshot.status === 'closed') return { kind: 'done', reason: 'the case is closed' };
  const policy = matchEscalationPolicy(settings, state.snapshot);
  if (!policy) return { kind: 'done', reason: 'no escalation policy matches the case' };

  const clock: CaseClock = {
    calendar: policy.calendar,
    changes: state.statusHistory,
    pauseWhile: policy.pauseWhile,
    now,
  };
  const cycle = cycleNumber(state);
  let wakeAt: Instant | undefined;
  let wakeFor = '';
  for (const tier of policy.tiers) {
    if (progress.escalated.has(tier.number)) continue;
    const due = tierDueAt(clock, tier.after);
    if (due === undefined) return { kind: 'done', reason: `the SLA clock is paused (${state.snapshot.status})` };
    if (due <= now) {
      return { kind: 'act', action: escalateAction({ state, policy, tier, cycle, settings, now }) };
    }
    wakeAt = due;
    wakeFor = `tier ${tier.number} (${tier.afterText})`;
    if (policy.warnBefore && !progress.warned.has(tier.number)) {
      const warnAt = warningAt(clock, tier.after, policy.warnBefore);
      if (warnAt !== undefined && warnAt <= now) {
        return { kind: 'act', action: warnAction({ state, policy, tier, cycle, dueAt: due }) };
      }
      if (warnAt !== undefined && warnAt < due) {
        wakeAt = warnAt;
        wakeFor = `the warning before tier ${tier.number}`;
      }
    }
    break;
  }
  if (wakeAt === undefined) return { kind: 'done', reason: 'every tier has fired' };
  return { kind: 'wait', until: toIso(wakeAt), reason: wakeFor };
}

/** 1 for the first life of the case, 2 after its first reopen, … (action keys differ per cycle). */
export function cycleNumber(state: CaseState): number {
  const history = state.statusHistory;
  return 1 + history.filter((point, i) => point.status !== 'closed' && history[i - 1]?.status === 'closed').length;
}
