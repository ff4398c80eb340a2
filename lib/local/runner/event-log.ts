/**
 * One execution's event list in causal order. The engine's events reach us a few microtasks late
 * (an async generator), while our handlers log synchronously — a Wait's `WaitScheduled` would land
 * before its own `StateEntered`. So each handler invocation knows which entry of its state it
 * serves (the n-th), and its events are held until the n-th StateEntered of that state is in.
 */
import type { Instant } from '../../core/time/instant.ts';
import type { EngineEvent } from './engine-events.ts';
import { toExecutionEvent } from './engine-events.ts';
import type { ExecutionEvent, LiveRecord } from './execution-record.ts';

export type RunnerEvent = Omit<ExecutionEvent, 'at' | 'state'>;

export class EventLog {
  readonly #record: LiveRecord;
  readonly #waits: ReadonlySet<string>;
  readonly #now: () => Instant;
  readonly #entered = new Map<string, number>();
  readonly #invoked = new Map<string, number>();
  readonly #held: { readonly state: string; readonly entry: number; readonly event: ExecutionEvent }[] = [];

  constructor(record: LiveRecord, waits: ReadonlySet<string>, now: () => Instant) {
    this.#record = record;
    this.#waits = waits;
    this.#now = now;
  }

  /** Called when the engine invokes a handler for `state`: returns the logger for that invocation. */
  invocation(state: string): (event: RunnerEvent) => void {
    const entry = (this.#invoked.get(state) ?? 0) + 1;
    this.#invoked.set(state, entry);
    return (event) => {
      const stamped: ExecutionEvent = { at: this.#now(), state, ...event };
      if ((this.#entered.get(state) ?? 0) >= entry) this.#record.events.push(stamped);
      else this.#held.push({ state, entry, event: stamped });
    };
  }

  engine(event: EngineEvent): void {
    this.#record.events.push(toExecutionEvent(event, this.#now(), this.#waits));
    if (event.type !== 'StateEntered' || !event.state) return;
    this.#record.stateTransitions++;
    const state = event.state.name;
    const entered = (this.#entered.get(state) ?? 0) + 1;
    this.#entered.set(state, entered);
    for (let i = 0; i < this.#held.length;) {
      const held = this.#held[i];
      if (held && held.state === state && held.entry <= entered) {
        this.#record.events.push(held.event);
        this.#held.splice(i, 1);
      } else i++;
    }
  }

  /** At the end: anything still held (its StateEntered never came, e.g. aborted) goes last. */
  flush(): void {
    for (const held of this.#held.splice(0)) this.#record.events.push(held.event);
  }
}
