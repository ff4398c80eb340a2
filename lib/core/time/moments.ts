/**
 * The moments the planners wait for (DESIGN §6): escalation tiers and warnings, follow-up due times,
 * promise dates and expedite checkpoints. Pure functions of the calendar, the record's history and
 * `now`.
 */
import type { CaseStatus } from '../model/canonical.ts';
import type { Calendar } from './calendar.ts';
import type { Duration } from './duration.ts';
import { isZero } from './duration.ts';
import type { Instant } from './instant.ts';
import { fromIso } from './instant.ts';
import type { StatusChange } from './sla-clock.ts';
import { cycleStartOf, slaReachesAt, thresholdOpenMs } from './sla-clock.ts';

/** What the SLA clock of one case needs: its policy's calendar and pauses, its history, and now. */
export interface CaseClock {
  readonly calendar: Calendar;
  readonly changes: readonly StatusChange[];
  readonly pauseWhile: readonly CaseStatus[];
  readonly now: Instant;
}

/** When the clock reaches the tier's `after` (past or future); undefined if paused or closed short of it. */
export function tierDueAt(clock: CaseClock, after: Duration): Instant | undefined {
  return reachesAt(clock, (calendar, start) => thresholdOpenMs(calendar, start, after));
}

/**
 * When the clock is `warnBefore` short of the tier's `after`, never before the cycle starts. A
 * warning that falls at or before the previous tier's moment is still returned: whether to send it is
 * the planner's call.
 */
export function warningAt(clock: CaseClock, after: Duration, warnBefore: Duration): Instant | undefined {
  return reachesAt(clock, (calendar, start) =>
    Math.max(0, thresholdOpenMs(calendar, start, after) - thresholdOpenMs(calendar, start, warnBefore)),
  );
}

function reachesAt(clock: CaseClock, threshold: (calendar: Calendar, start: Instant) => number): Instant | undefined {
  const start = cycleStartOf(clock.changes, clock.now);
  if (start === undefined) return undefined;
  const { calendar, changes, pauseWhile, now } = clock;
  return slaReachesAt(changes, pauseWhile, calendar, threshold(calendar, start), now);
}

/** `after` from the close (or delivery); with `at`, that local time on the due date or the next open day. */
export function followUpDueAt(calendar: Calendar, closedAt: Instant, after: Duration, atMinuteOfDay?: number): Instant {
  const due = calendar.add(closedAt, after);
  return atMinuteOfDay === undefined ? due : calendar.atLocalTime(due, atMinuteOfDay);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only promise means the last open moment of that date (or before it, if closed); a timestamp means itself. */
export function promiseDeadline(calendar: Calendar, promisedAt: string): Instant {
  const text = promisedAt.trim();
  if (DATE_ONLY.test(text)) return calendar.lastOpenMomentOf(text);
  try {
    return fromIso(text);
  } catch {
    throw new Error(
      `promised date "${promisedAt}" is neither a date (YYYY-MM-DD) nor a timestamp with an offset (2026-12-09T15:00:00Z)`,
    );
  }
}

export interface ExpediteMoments {
  readonly promiseAt: Instant;
  /** promiseAt minus the `shipBy` lead; promiseAt itself without one. */
  readonly shipByAt: Instant;
  /** promiseAt minus `checkBefore`; only when one is given. */
  readonly checkAt?: Instant;
}

/** Leads are measured backwards from the promise on the calendar; a zero lead is the promise itself. */
export function expediteMoments(
  calendar: Calendar,
  promisedAt: string,
  leads: { readonly checkBefore?: Duration; readonly shipBy?: Duration } = {},
): ExpediteMoments {
  const promiseAt = promiseDeadline(calendar, promisedAt);
  const before = (lead: Duration) => (isZero(lead) ? promiseAt : calendar.subtract(promiseAt, lead));
  const shipByAt = leads.shipBy ? before(leads.shipBy) : promiseAt;
  return leads.checkBefore ? { promiseAt, shipByAt, checkAt: before(leads.checkBefore) } : { promiseAt, shipByAt };
}
