/**
 * Virtual time for tests and `crmflow simulate`: time stands still while work is in flight and
 * jumps to the next due timer when everything is quiet, so 30 days of waits run in milliseconds
 * and every handler sees the exact instant its timer was due.
 */
import type { Instant } from '../../core/time/instant.ts';
import { assertInstant, toIso } from '../../core/time/instant.ts';
import { InFlight } from './in-flight.ts';
import type { LocalClock, PendingTimer } from './local-clock.ts';
import { cancellableSleep } from './sleep.ts';
import { TimerQueue } from './timer-queue.ts';

export interface VirtualClockOptions {
  /** Firings allowed at one instant before runUntil declares a livelock (timers re-arming at `now`). */
  readonly maxFiringsPerInstant?: number;
}

const DEFAULT_MAX_FIRINGS_PER_INSTANT = 100_000;

export class VirtualClock implements LocalClock {
  #now: Instant;
  readonly #timers = new TimerQueue();
  readonly #work = new InFlight();
  readonly #maxFirings: number;
  #firingsAtNow = 0;
  readonly #labelsAtNow = new Set<string>();
  #running = false;

  constructor(start: Instant, options: VirtualClockOptions = {}) {
    assertInstant(start);
    this.#now = start;
    this.#maxFirings = options.maxFiringsPerInstant ?? DEFAULT_MAX_FIRINGS_PER_INSTANT;
  }

  now(): Instant {
    return this.#now;
  }

  sleepUntil(at: Instant, label = 'timer', signal?: AbortSignal): Promise<void> {
    assertInstant(at);
    // A due time in the past still queues, so the sleeper yields to work already waiting at `now`.
    return cancellableSleep(signal, (fire) => {
      const timer = this.#timers.add(Math.max(at, this.#now), label, fire);
      return () => this.#timers.remove(timer);
    });
  }

  track<T>(work: Promise<T>): Promise<T> {
    return this.#work.track(work);
  }

  idle(): Promise<void> {
    return this.#work.idle();
  }

  /** Work counted as in flight right now (diagnostics). */
  inFlight(): number {
    return this.#work.count;
  }

  pendingTimers(): readonly PendingTimer[] {
    return this.#timers.list().map(({ due, label }) => ({ due, label }));
  }

  /**
   * Low-level jump: fires every timer due ≤ `to` in (due, insertion) order, then reads `to`. It does
   * not wait for the woken work, so continuations observe `to`; drive time with runUntil instead.
   */
  advanceTo(to: Instant): void {
    this.#assertForward(to);
    for (let timer = this.#timers.peek(); timer && timer.due <= to; timer = this.#timers.peek()) this.#fireNext();
    this.#moveTo(to);
  }

  /**
   * Drives time to `end`: wait until idle, fire the next due timer (≤ end), repeat; then read `end`.
   * Never gives up on real time — a handler that never settles blocks it, by design.
   */
  async runUntil(end: Instant): Promise<void> {
    this.#assertForward(end);
    if (this.#running) throw new Error('VirtualClock.runUntil is already running: drive the clock from one place');
    this.#running = true;
    try {
      for (;;) {
        await this.#work.idle();
        const next = this.#timers.peek();
        if (!next || next.due > end) break;
        this.#fireNext();
      }
      this.#moveTo(end);
    } finally {
      this.#running = false;
    }
  }

  #fireNext(): void {
    const timer = this.#timers.shift();
    if (!timer) return;
    this.#moveTo(timer.due);
    this.#firingsAtNow++;
    if (this.#labelsAtNow.size < 10) this.#labelsAtNow.add(timer.label);
    if (this.#firingsAtNow > this.#maxFirings) {
      throw new Error(
        `VirtualClock livelock: more than ${this.#maxFirings} timers fired at ${toIso(this.#now)} ` +
          `(timers re-arming at the same instant): ${[...this.#labelsAtNow].join(', ')}`,
      );
    }
    timer.fire();
  }

  #moveTo(t: Instant): void {
    if (t === this.#now) return;
    this.#now = t;
    this.#firingsAtNow = 0;
    this.#labelsAtNow.clear();
  }

  #assertForward(to: Instant): void {
    assertInstant(to);
    if (to < this.#now) throw new Error(`the clock cannot go backwards: ${toIso(to)} is before ${toIso(this.#now)}`);
  }
}
