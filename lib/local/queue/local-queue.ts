/**
 * The local stand-in for the SQS queue between the edge and the router: it accepts events at once and
 * delivers each to the router in the background, retrying with backoff on the local clock, and keeps
 * an event that keeps failing as a dead letter — as SQS with a redrive policy does.
 */
import type { CrmEvent } from '../../core/model/crm-event.ts';
import type { EventQueue } from '../../core/ports/queue.ts';
import type { LocalClock } from '../clock/local-clock.ts';

export interface DeadLetter {
  readonly event: CrmEvent;
  readonly error: string;
  readonly attempts: number;
}

export interface LocalQueueOptions {
  readonly clock: LocalClock;
  readonly deliver: (event: CrmEvent) => Promise<unknown>;
  /** Deliveries before an event becomes a dead letter (SQS maxReceiveCount). @default 5 */
  readonly maxAttempts?: number;
  /** First retry delay; doubles each time (SQS visibility timeout). @default 30 s */
  readonly retryDelayMs?: number;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
}

export class LocalQueue implements EventQueue {
  readonly deadLetters: DeadLetter[] = [];
  readonly #options: LocalQueueOptions;
  #accepting = true;

  constructor(options: LocalQueueOptions) {
    this.#options = options;
  }

  async enqueue(events: readonly CrmEvent[]): Promise<void> {
    if (!this.#accepting) throw new Error('the local queue is closed');
    for (const event of events) this.#attempt(event, 1);
  }

  /** Stops accepting: the edge then answers 503, as it would if SQS were unreachable. */
  close(): void {
    this.#accepting = false;
  }

  /**
   * One delivery is work in flight; the wait before the next one is not (tracked work that waited
   * on the clock would stop a virtual clock for good).
   */
  #attempt(event: CrmEvent, attempt: number): void {
    const { clock, deliver, maxAttempts = 5, retryDelayMs = 30_000 } = this.#options;
    void clock.track(deliver(event)).then(
      () => undefined,
      async (error: unknown) => {
        if (attempt >= maxAttempts || !this.#accepting) {
          const letter = { event, error: (error as Error).message, attempts: attempt };
          this.deadLetters.push(letter);
          this.#options.onDeadLetter?.(letter);
          return;
        }
        await clock.sleepUntil(clock.now() + retryDelayMs * 2 ** (attempt - 1), `queue retry ${event.id}`);
        this.#attempt(event, attempt + 1);
      },
    );
  }
}
