/**
 * The SLA clock of a case (DESIGN §6): starts at creation or at the latest reopen, counts open time
 * on the policy's calendar, stands still while the status is one of `pauseWhile`, and stops for good
 * at close. Everything is derived from the status history, so a replayed or late event cannot leave
 * a stale counter behind.
 */
import type { CaseStatus } from '../model/canonical.ts';
import type { Calendar } from './calendar.ts';
import type { Duration } from './duration.ts';
import type { Instant } from './instant.ts';
import { toIso } from './instant.ts';

export interface StatusChange {
  readonly at: Instant;
  readonly status: CaseStatus;
}

/** The changes from the latest reopen (a status other than closed right after closed), or all of them. */
export function currentCycle(changes: readonly StatusChange[]): readonly StatusChange[] {
  for (let i = changes.length - 1; i > 0; i--) {
    if (changes[i]?.status !== 'closed' && changes[i - 1]?.status === 'closed') return changes.slice(i);
  }
  return changes;
}

/** When the current cycle (as of now) started; undefined before the case exists. */
export function cycleStartOf(changes: readonly StatusChange[], now: Instant): Instant | undefined {
  return currentCycle(known(changes, now))[0]?.at;
}

/** Open time on the clock at `now`. */
export function slaElapsed(
  changes: readonly StatusChange[],
  pauseWhile: readonly CaseStatus[],
  calendar: Calendar,
  now: Instant,
): number {
  let elapsed = 0;
  for (const stretch of running(changes, pauseWhile, now).stretches) {
    elapsed += calendar.openTimeBetween(stretch.from, stretch.to);
  }
  return elapsed;
}

/**
 * The first moment the clock reads `thresholdMs`: in the past if it already has (the exact moment it
 * did), in the future if the clock runs at `now` (assuming nothing changes), else undefined (paused or
 * closed short of it). A threshold ≤ 0 is reached when the cycle starts.
 */
export function slaReachesAt(
  changes: readonly StatusChange[],
  pauseWhile: readonly CaseStatus[],
  calendar: Calendar,
  thresholdMs: number,
  now: Instant,
): Instant | undefined {
  const { start, stretches, runsAtNow } = running(changes, pauseWhile, now);
  if (start === undefined) return undefined;
  if (thresholdMs <= 0) return start;
  let elapsed = 0;
  for (const stretch of stretches) {
    const open = calendar.openTimeBetween(stretch.from, stretch.to);
    if (elapsed + open >= thresholdMs) return calendar.addOpenTime(stretch.from, thresholdMs - elapsed);
    elapsed += open;
  }
  return runsAtNow ? calendar.addOpenTime(now, thresholdMs - elapsed) : undefined;
}

/**
 * A tier's `after` as open time on the clock. Open time converts as is; business days have no fixed
 * length, so `d` counts the open time of that many business days from the cycle's start.
 */
export function thresholdOpenMs(calendar: Calendar, cycleStart: Instant, after: Duration): number {
  const days =
    after.days === 0 ? 0 : calendar.openTimeBetween(cycleStart, calendar.addBusinessDays(cycleStart, after.days));
  return days + after.openMs;
}

interface Stretch {
  readonly from: Instant;
  readonly to: Instant;
}

/** The stretches of the current cycle during which the clock ran, up to now. */
function running(
  changes: readonly StatusChange[],
  pauseWhile: readonly CaseStatus[],
  now: Instant,
): { start: Instant | undefined; stretches: Stretch[]; runsAtNow: boolean } {
  const cycle = currentCycle(known(changes, now));
  const stretches: Stretch[] = [];
  for (const [i, change] of cycle.entries()) {
    if (change.status === 'closed') return { start: cycle[0]?.at, stretches, runsAtNow: false };
    if (pauseWhile.includes(change.status)) continue;
    stretches.push({ from: change.at, to: cycle[i + 1]?.at ?? now });
  }
  const last = cycle.at(-1);
  return { start: cycle[0]?.at, stretches, runsAtNow: last !== undefined && !pauseWhile.includes(last.status) };
}

/** The history as known at `now`; it must be in time order, or the clock would be nonsense. */
function known(changes: readonly StatusChange[], now: Instant): readonly StatusChange[] {
  for (let i = 1; i < changes.length; i++) {
    const [before, after] = [changes[i - 1], changes[i]];
    if (before && after && after.at < before.at) {
      throw new Error(`status changes are out of time order at ${toIso(after.at)}`);
    }
  }
  return changes.filter((change) => change.at <= now);
}
