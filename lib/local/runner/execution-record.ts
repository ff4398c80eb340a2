/** What the local runner remembers of each execution: the local stand-in for DescribeExecution + history. */
import type { Instant } from '../../core/time/instant.ts';

export type ExecutionStatus = 'running' | 'succeeded' | 'failed' | 'aborted';

export interface ExecutionEvent {
  /** Clock time (virtual in tests and simulations), not the engine's real timestamp. */
  readonly at: Instant;
  /** The engine's event types, plus `WaitScheduled` and per-attempt `StateRetried` from the runner. */
  readonly type: string;
  readonly state?: string;
  /** Rewritten Waits are reported as `Wait`, as they are written. */
  readonly stateType?: string;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  /** When a scheduled wait or retry falls due. */
  readonly until?: Instant;
  /** Retry number (1 = first retry), or Map iteration index. */
  readonly attempt?: number;
  readonly index?: number;
}

export interface ExecutionRecord {
  readonly name: string;
  readonly workflow: string;
  readonly status: ExecutionStatus;
  readonly input: unknown;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly startedAt: Instant;
  readonly stoppedAt?: Instant;
  /** StateEntered events, nested Map/Parallel states included. */
  readonly stateTransitions: number;
  readonly events: readonly ExecutionEvent[];
}

/** The mutable record the runner keeps; callers get snapshots. */
export type LiveRecord = { -readonly [K in keyof ExecutionRecord]: ExecutionRecord[K] } & { events: ExecutionEvent[] };

export function snapshot(record: LiveRecord): ExecutionRecord {
  return { ...record, events: [...record.events] };
}
