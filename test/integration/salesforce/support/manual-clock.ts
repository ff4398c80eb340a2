import type { Instant } from '../../../../lib/core/time/instant.ts';

/**
 * A clock the test moves by hand, with the `sleepUntil` and `track` a virtual clock gives the
 * emulator: sleeps resolve only when the test advances past them; tracked work is counted.
 */
export class ManualClock {
  #now: Instant;
  #sleepers: { at: Instant; wake: () => void }[] = [];
  inFlight = 0;

  constructor(start: Instant | string) {
    this.#now = typeof start === 'string' ? Date.parse(start) : start;
  }

  now = (): Instant => this.#now;

  sleepUntil = (at: Instant): Promise<void> =>
    new Promise((wake) => {
      if (at <= this.#now) wake();
      else this.#sleepers.push({ at, wake });
    });

  track = (work: Promise<unknown>): void => {
    this.inFlight += 1;
    void work.finally(() => (this.inFlight -= 1));
  };

  /** The earliest pending sleep, if any. */
  get nextWake(): Instant | undefined {
    return this.#sleepers.reduce<Instant | undefined>(
      (min, s) => (min === undefined || s.at < min ? s.at : min),
      undefined,
    );
  }

  advanceTo(at: Instant): void {
    this.#now = Math.max(this.#now, at);
    const due = this.#sleepers.filter((s) => s.at <= this.#now);
    this.#sleepers = this.#sleepers.filter((s) => s.at > this.#now);
    for (const s of due) s.wake();
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.#now + ms);
  }
}

/** Waits (event-loop turns, not time) until `condition` holds; fails the test if it never does. */
export async function eventually(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let turn = 0; turn < 2000; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`${what} never became true`);
}
