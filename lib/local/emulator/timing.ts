import type { Clock } from '../../core/ports/clock.ts';
import type { Instant } from '../../core/time/instant.ts';

/**
 * How an emulator waits: on the clock crmflow owns. A virtual clock provides `sleepUntil` (so a retry
 * an hour away takes no real time) and `track` (so it does not advance while a delivery is in flight).
 * Without them the emulator sleeps in real time and tracks nothing.
 */
export interface EmulatorTiming {
  readonly clock: Clock;
  /** May reject once `signal` aborts (the emulator closed): that ends the sleep too. */
  readonly sleepUntil?: (at: Instant, signal: AbortSignal) => Promise<unknown>;
  readonly track?: (work: Promise<unknown>) => unknown;
}

/** A sleep that ends at `at` on the timing's clock, or early when `signal` aborts. */
export function sleepOn(timing: EmulatorTiming, at: Instant, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  if (timing.sleepUntil) {
    return timing.sleepUntil(at, signal).then(
      () => undefined,
      () => undefined, // cancelled: the caller sees the abort and stops
    );
  }
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, at - timing.clock.now()));
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
