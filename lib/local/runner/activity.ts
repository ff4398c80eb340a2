/**
 * An execution counts as work in flight on the clock, except while it is parked on the clock (a
 * Wait, a retry interval): otherwise virtual time could never reach the timer it waits for.
 */
import { deferred } from '../clock/deferred.ts';
import type { LocalClock } from '../clock/local-clock.ts';

export class Activity {
  readonly #clock: LocalClock;
  #segment: PromiseWithResolvers<void> | undefined;
  #parked = 0;
  #finished = false;

  constructor(clock: LocalClock) {
    this.#clock = clock;
    this.#open();
  }

  /**
   * Awaits `sleep` with the execution not in flight. With Parallel/Map branches, the execution is
   * released while any branch is parked; the other branches' handler calls are tracked on their own.
   */
  async park<T>(sleep: Promise<T>): Promise<T> {
    if (++this.#parked === 1) this.#close();
    try {
      return await sleep;
    } finally {
      // Back in flight before the clock's idle check runs: this is a microtask after the timer fired.
      if (--this.#parked === 0 && !this.#finished) this.#open();
    }
  }

  finish(): void {
    this.#finished = true;
    this.#close();
  }

  #open(): void {
    this.#segment = deferred();
    void this.#clock.track(this.#segment.promise);
  }

  #close(): void {
    this.#segment?.resolve();
    this.#segment = undefined;
  }
}
