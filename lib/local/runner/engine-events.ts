/** The engine's event log, restated in clock time and with rewritten Waits named as written. */
import type { Instant } from '../../core/time/instant.ts';
import type { ExecutionEvent } from './execution-record.ts';

/** The fields we read of aws-local-stepfunctions' EventLog union (its type is not exported). */
export interface EngineEvent {
  readonly type: string;
  readonly state?: {
    readonly name: string;
    readonly type: string;
    readonly input?: unknown;
    readonly output?: unknown;
  };
  readonly parentState?: { readonly name: string; readonly type: string };
  readonly index?: number;
  readonly Error?: unknown;
  readonly Cause?: unknown;
  readonly input?: unknown;
  readonly output?: unknown;
}

export function toExecutionEvent(event: EngineEvent, at: Instant, waits: ReadonlySet<string>): ExecutionEvent {
  const state = event.state ?? event.parentState;
  const out: { -readonly [K in keyof ExecutionEvent]: ExecutionEvent[K] } = { at, type: event.type };
  if (state) {
    out.state = state.name;
    out.stateType = waits.has(state.name) ? 'Wait' : state.type;
  }
  if (event.type === 'StateEntered') out.input = event.state?.input;
  if (event.type === 'StateExited') out.output = event.state?.output;
  if (event.type === 'ExecutionStarted') out.input = event.input;
  if (event.type === 'ExecutionSucceeded') out.output = event.output;
  if (event.index !== undefined) out.index = event.index;
  if (event.Error !== undefined) out.error = String(event.Error);
  if (event.Cause !== undefined) out.cause = causeText(event.Cause);
  return out;
}

/** The engine passes `error.cause ?? error.message`: sometimes an Error, sometimes a string. */
export function causeText(cause: unknown): string {
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  return JSON.stringify(cause) ?? String(cause);
}
