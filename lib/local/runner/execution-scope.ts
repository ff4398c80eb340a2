import type { LocalClock } from '../clock/local-clock.ts';
import type { Activity } from './activity.ts';
import type { RunnerEvent } from './event-log.ts';

/** What the per-execution task and wait handlers share. */
export interface ExecutionScope {
  /** The execution name, for timer labels. */
  readonly name: string;
  readonly clock: LocalClock;
  readonly activity: Activity;
  /** Aborted when the execution stops: cancels its sleeps. */
  readonly signal: AbortSignal;
  /** For JitterStrategy FULL. */
  readonly random: () => number;
  /** Called as a handler starts: the logger for this entry of `state` (events stamped with clock time). */
  invocation(state: string): (event: RunnerEvent) => void;
}

/** A task handler as registered: keyed by Resource placeholder, given the state's effective input. */
export type TaskHandler = (input: unknown) => Promise<unknown>;
