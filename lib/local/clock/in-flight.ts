/**
 * Counts work in flight and answers "is everything quiet?". Quiet means zero in flight across
 * several consecutive setImmediate turns: a settled promise often schedules the next piece of work
 * a turn later (a handler's HTTP response → the engine's next state → the next handler).
 */
import { deferred } from './deferred.ts';

const QUIET_TURNS = 3;

export class InFlight {
  #count = 0;
  #drained: PromiseWithResolvers<void> | undefined;

  get count(): number {
    return this.#count;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.#count++;
    return work.finally(() => this.#release());
  }

  async idle(): Promise<void> {
    for (let quiet = 0; quiet < QUIET_TURNS;) {
      // While work is in flight, wait for it rather than spinning the event loop (an HTTP call can take a while).
      if (this.#count > 0) await this.#whenDrained();
      await new Promise<void>((resolve) => setImmediate(resolve));
      quiet = this.#count === 0 ? quiet + 1 : 0;
    }
  }

  #release(): void {
    this.#count--;
    if (this.#count === 0 && this.#drained) {
      this.#drained.resolve();
      this.#drained = undefined;
    }
  }

  #whenDrained(): Promise<void> {
    this.#drained ??= deferred();
    return this.#drained.promise;
  }
}
