import type { Instant } from '../../core/time/instant.ts';
import { sleepOn, type EmulatorTiming } from './timing.ts';

/** Exponential backoff, as CRMs retry webhooks: `firstDelayMs` doubling up to `maxDelayMs`, for `giveUpAfterMs`. */
export interface RetryPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly giveUpAfterMs: number;
  /** Attempts in all, first included (HubSpot: 10); unlimited within `giveUpAfterMs` when left out. */
  readonly maxAttempts?: number;
}

export interface DeliveryOutcome<M> {
  readonly message: M;
  readonly delivered: boolean;
  readonly attempts: number;
}

export interface OrderedDeliveryOptions<M> extends EmulatorTiming {
  readonly retry: RetryPolicy;
  /** One attempt (`attempt` counts from 1); true when the receiver acknowledged it. A throw counts as a failed attempt. */
  readonly send: (message: M, signal: AbortSignal, attempt: number) => Promise<boolean>;
  readonly onSettled?: (outcome: DeliveryOutcome<M>) => void;
}

interface Pending<M> {
  readonly message: M;
  readonly firstAt: Instant;
  attempts: number;
}

export function retryDelay(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

/**
 * Delivers messages with retries, in order per key (a record's changes arrive in the order they were
 * made; different records do not wait for each other). Each stretch of work between sleeps is tracked,
 * the sleeps themselves are not, so a virtual clock can jump to the next retry but never past a send.
 */
export class OrderedDelivery<M> {
  readonly #options: OrderedDeliveryOptions<M>;
  readonly #queues = new Map<string, Pending<M>[]>();
  readonly #stop = new AbortController();
  #idle: (() => void)[] = [];

  constructor(options: OrderedDeliveryOptions<M>) {
    this.#options = options;
  }

  enqueue(key: string, message: M): void {
    if (this.#stop.signal.aborted) return;
    const pending: Pending<M> = { message, firstAt: this.#options.clock.now(), attempts: 0 };
    const queue = this.#queues.get(key);
    if (queue) {
      queue.push(pending); // the key's pump is running or sleeping: it will get there
      return;
    }
    this.#queues.set(key, [pending]);
    this.#pump(key);
  }

  /** Resolves when nothing is queued (tests and shutdown); a message waiting for a retry is still queued. */
  whenIdle(): Promise<void> {
    if (this.#queues.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  close(): void {
    this.#stop.abort();
    this.#queues.clear();
    this.#settleIdle();
  }

  #pump(key: string): void {
    const run = this.#runUntilSleep(key);
    void Promise.resolve(this.#options.track?.(run)).catch(() => undefined); // run never rejects; a tracker might
    void run.then((next) => next?.sleep.then(() => this.#pump(key)));
  }

  /** Sends what the key has queued until a retry must wait; the sleep is started before the tracked work ends. */
  async #runUntilSleep(key: string): Promise<{ sleep: Promise<void> } | undefined> {
    const { retry, clock } = this.#options;
    const queue = this.#queues.get(key);
    while (queue && queue.length > 0 && !this.#stop.signal.aborted) {
      const head = queue[0] as Pending<M>;
      head.attempts += 1;
      const delivered = await this.#options.send(head.message, this.#stop.signal, head.attempts).catch(() => false);
      if (this.#stop.signal.aborted) break;
      const nextAt = clock.now() + retryDelay(retry, head.attempts);
      const outOfAttempts = retry.maxAttempts !== undefined && head.attempts >= retry.maxAttempts;
      if (delivered || outOfAttempts || nextAt - head.firstAt > retry.giveUpAfterMs) {
        queue.shift();
        try {
          this.#options.onSettled?.({ message: head.message, delivered, attempts: head.attempts });
        } catch {
          // An observer's failure must not stall the queue behind this message.
        }
        continue;
      }
      return { sleep: sleepOn(this.#options, nextAt, this.#stop.signal) };
    }
    if (this.#queues.get(key) === queue) this.#queues.delete(key);
    if (this.#queues.size === 0) this.#settleIdle();
    return undefined;
  }

  #settleIdle(): void {
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }
}
