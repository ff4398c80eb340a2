/**
 * Real time, optionally sped up, for `npm start`: now = start + real elapsed × speed. Timers are
 * real setTimeouts of (due − now) / speed. Work in flight is only counted (diagnostics, idle()):
 * time does not wait for it, as in the cloud.
 */
import { performance } from 'node:perf_hooks';
import type { Instant } from '../../core/time/instant.ts';
import { assertInstant } from '../../core/time/instant.ts';
import { InFlight } from './in-flight.ts';
import type { LocalClock } from './local-clock.ts';
import { cancellableSleep } from './sleep.ts';

export interface ScaledClockOptions {
  /** Virtual milliseconds per real millisecond; 1 is real time. */
  readonly speed?: number;
  /** Monotonic real milliseconds; injectable for tests. */
  readonly realNow?: () => number;
}

// setTimeout overflows above 2^31 − 1 ms (and then fires at once): long sleeps go in chunks.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class ScaledClock implements LocalClock {
  readonly #start: Instant;
  readonly #speed: number;
  readonly #realNow: () => number;
  readonly #realStart: number;
  readonly #work = new InFlight();

  constructor(start: Instant, options: ScaledClockOptions = {}) {
    assertInstant(start);
    const speed = options.speed ?? 1;
    if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`clock speed must be a positive number, got ${speed}`);
    this.#start = start;
    this.#speed = speed;
    this.#realNow = options.realNow ?? (() => performance.now());
    this.#realStart = this.#realNow();
  }

  now(): Instant {
    return this.#start + Math.floor((this.#realNow() - this.#realStart) * this.#speed);
  }

  sleepUntil(at: Instant, _label?: string, signal?: AbortSignal): Promise<void> {
    assertInstant(at);
    return cancellableSleep(signal, (fire) => {
      let handle: NodeJS.Timeout | undefined;
      // Re-check on every wake: rounding (and chunking) may wake us a hair early; never fire before due.
      const schedule = (): void => {
        const remaining = at - this.now();
        if (remaining <= 0) return fire();
        handle = setTimeout(schedule, Math.min(MAX_TIMEOUT_MS, Math.ceil(remaining / this.#speed)));
      };
      handle = setTimeout(schedule, 0);
      return () => clearTimeout(handle);
    });
  }

  track<T>(work: Promise<T>): Promise<T> {
    return this.#work.track(work);
  }

  idle(): Promise<void> {
    return this.#work.idle();
  }

  inFlight(): number {
    return this.#work.count;
  }
}
