import type { Instant } from '../../core/time/instant.ts';

export interface Timer {
  readonly due: Instant;
  readonly seq: number;
  readonly label: string;
  readonly fire: () => void;
}

/** Timers kept sorted by (due, insertion): equal due times fire in the order they were set. */
export class TimerQueue {
  readonly #timers: Timer[] = [];
  #seq = 0;

  get size(): number {
    return this.#timers.length;
  }

  add(due: Instant, label: string, fire: () => void): Timer {
    const timer: Timer = { due, seq: this.#seq++, label, fire };
    // Binary search for the first timer due later: insertion after equals keeps FIFO among ties.
    let lo = 0;
    let hi = this.#timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#timers[mid]?.due ?? Infinity) <= due) lo = mid + 1;
      else hi = mid;
    }
    this.#timers.splice(lo, 0, timer);
    return timer;
  }

  remove(timer: Timer): void {
    const i = this.#timers.indexOf(timer);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  peek(): Timer | undefined {
    return this.#timers[0];
  }

  shift(): Timer | undefined {
    return this.#timers.shift();
  }

  list(): readonly Timer[] {
    return [...this.#timers];
  }
}
