import type { Clock } from '../../core/ports/clock.ts';
import type { Instant } from '../../core/time/instant.ts';

/**
 * The clock crmflow owns in local mode. Adapters only read `now()`; the local runtime also parks
 * timers on it and reports work in flight, so a virtual clock knows when it may move on.
 */
export interface LocalClock extends Clock {
  /**
   * Resolves once the clock reads `at` or later (at once-ish when already due: it still queues).
   * Cancel with `signal`: the timer is dropped and the promise rejects with `signal.reason`, like
   * `timers/promises`. `label` names the timer in diagnostics.
   */
  sleepUntil(at: Instant, label?: string, signal?: AbortSignal): Promise<void>;
  /**
   * Counts `work` as in flight until it settles and returns its outcome (await it: a rejection is
   * passed on). A virtual clock never advances meanwhile — so tracked work must never itself wait
   * on this clock, or time stops for good.
   */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when nothing is in flight, and stays so over a few event-loop turns (work spawns work). */
  idle(): Promise<void>;
}

/** A timer as diagnostics see it. */
export interface PendingTimer {
  readonly due: Instant;
  readonly label: string;
}
