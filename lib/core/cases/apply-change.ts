/**
 * The router's pure decision for a case change: merge it into the stored state, and say whether the
 * escalation plan must start again (DESIGN §1: a new version supersedes the running one).
 */
import { currentCycle, type StatusChange } from '../time/sla-clock.ts';
import type { Settings } from '../config/settings.ts';
import { isUserId } from '../model/owners.ts';
import type { RecordRef } from '../model/crm-event.ts';
import type { CaseSnapshot, CaseState } from './case-state.ts';
import { matchEscalationPolicy } from '../escalation/match-policy.ts';
import { isNewerSnapshot } from '../model/newer-snapshot.ts';

export interface CaseDecision {
  readonly state: CaseState;
  /** False when the change was already known (a duplicate or an older snapshot). */
  readonly changed: boolean;
  /** The close a follow-up should be running for (1 = the first close): while the case stays closed. */
  readonly startFollowUp?: number;
  /**
   * The escalation plan version that should be running now (the clock runs and a policy matches).
   * Starting it is idempotent (deterministic execution names), so the router starts it on every
   * change: a start lost to a crash after the state was saved is made good by the next delivery.
   */
  readonly startEscalation?: number;
}

export function applyCaseChange(
  ref: RecordRef,
  previous: CaseState | undefined,
  snapshot: CaseSnapshot,
  settings: Settings,
): CaseDecision {
  const statusHistory = mergeStatus(previous?.statusHistory, snapshot);
  const newest = isNewerSnapshot(snapshot, previous?.snapshot);
  if (previous && !newest && statusHistory.length === previous.statusHistory.length) {
    return { state: previous, changed: false, ...running(previous, settings), ...followUp(previous) };
  }
  const current = newest ? snapshot : (previous?.snapshot ?? snapshot);
  const lastUserOwnerId = newest && isUserId(ref.crm, snapshot.ownerId) ? snapshot.ownerId : previous?.lastUserOwnerId;
  const signature = escalationSignature(current, statusHistory, settings);
  const previousPlan = previous?.escalation ?? { version: 0, signature: '' };
  const replan = signature !== previousPlan.signature;
  const version = replan ? previousPlan.version + 1 : previousPlan.version;
  const closedNow = newest && snapshot.status === 'closed' && previous?.snapshot.status !== 'closed';
  const closes = closedNow
    ? [
        ...(previous?.closes ?? []),
        { at: snapshot.modifiedAt, ...(snapshot.ownerId ? { ownerId: snapshot.ownerId } : {}) },
      ]
    : (previous?.closes ?? []);
  const state: CaseState = {
    ref,
    snapshot: current,
    statusHistory,
    ...(lastUserOwnerId === undefined ? {} : { lastUserOwnerId }),
    ...(closes.length ? { closes } : {}),
    escalation: { version, signature },
  };
  return { state, changed: true, ...running(state, settings), ...followUp(state) };
}

/** A closed case's latest close gets its follow-up (starting it again is a no-op). */
function followUp(state: CaseState): { startFollowUp?: number } {
  const closes = state.closes?.length ?? 0;
  return state.snapshot.status === 'closed' && closes > 0 ? { startFollowUp: closes } : {};
}

/** A plan runs while the clock runs; a paused case gets a new one when it runs again. */
function running(state: CaseState, settings: Settings): { startEscalation?: number } {
  const { status } = state.snapshot;
  const policy = matchEscalationPolicy(settings, state.snapshot);
  if (status === 'closed' || !policy || policy.pauseWhile.includes(status)) return {};
  return { startEscalation: state.escalation.version };
}

/** Inserts the snapshot's status at its moment; repeats of the same status add nothing. */
function mergeStatus(history: readonly StatusChange[] | undefined, snapshot: CaseSnapshot): StatusChange[] {
  const points = [...(history ?? [])];
  if (points.length === 0 && snapshot.modifiedAt > snapshot.createdAt && snapshot.status !== 'new') {
    // First seen after it was created: it was new until we know otherwise.
    points.push({ at: snapshot.createdAt, status: 'new' });
  }
  const at = points.length === 0 ? snapshot.createdAt : snapshot.modifiedAt;
  if (points.some((point) => point.at === at && point.status === snapshot.status)) return points;
  const index = points.findIndex((point) => point.at > at);
  const insertAt = index === -1 ? points.length : index;
  const before = points[insertAt - 1];
  if (before?.status === snapshot.status && points[insertAt]?.status !== snapshot.status) {
    // Same status as the point before: nothing changed then.
    return points;
  }
  points.splice(insertAt, 0, { at, status: snapshot.status });
  return points.filter((point, i) => i === 0 || points[i - 1]?.status !== point.status);
}

/**
 * What the escalation plan depends on: the policy, the cycle, and when the clock runs or stands. A
 * change of anything else (subject, owner) keeps the running plan.
 */
function escalationSignature(snapshot: CaseSnapshot, history: readonly StatusChange[], settings: Settings): string {
  const policy = matchEscalationPolicy(settings, snapshot);
  if (!policy || snapshot.status === 'closed') return `none:${snapshot.status === 'closed' ? 'closed' : 'unmatched'}`;
  const cycle = currentCycle(history);
  const clock = cycle.map(
    (point) =>
      `${point.at}:${point.status === 'closed' ? 'stop' : policy.pauseWhile.includes(point.status) ? 'pause' : 'run'}`,
  );
  return `${policy.name}|${compress(clock).join(',')}`;
}

/** Keeps only the points where the clock's state changes. */
function compress(points: readonly string[]): string[] {
  return points.filter((point, i) => i === 0 || points[i - 1]?.split(':')[1] !== point.split(':')[1]);
}
