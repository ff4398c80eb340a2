/**
 * One execution: runs the compiled StateMachine with our task and wait handlers, keeps its record
 * (status, output or error, clock times, events) and never lets a failure escape as a rejection.
 */
import { deferred } from '../clock/deferred.ts';
import type { LocalClock } from '../clock/local-clock.ts';
import { Activity } from './activity.ts';
import type { CompiledWorkflow } from './compile.ts';
import type { EngineEvent } from './engine-events.ts';
import { causeText } from './engine-events.ts';
import { EventLog } from './event-log.ts';
import type { LiveRecord } from './execution-record.ts';
import type { ExecutionScope, TaskHandler } from './execution-scope.ts';
import { taskHandler } from './task-handler.ts';
import { waitHandler } from './wait-handler.ts';

// Task retries run in our handlers; what remains (Parallel/Map Retry) retries at once rather than in real time.
const ZERO_RETRY_INTERVALS: Record<string, number> = new Proxy(
  {},
  { get: (_, k) => (typeof k === 'string' ? 0 : undefined) },
);

export interface ExecutionDeps {
  readonly clock: LocalClock;
  readonly handlers: Readonly<Record<string, TaskHandler>>;
  readonly random: () => number;
}

export class Execution {
  readonly record: LiveRecord;
  /** Settles (never rejects) once the record is final. */
  readonly done: Promise<void>;
  readonly #controller = new AbortController();
  readonly #activity: Activity;
  readonly #clock: LocalClock;
  #timedOut = false;
  #finished = false;

  constructor(compiled: CompiledWorkflow, record: LiveRecord, deps: ExecutionDeps) {
    this.record = record;
    this.#clock = deps.clock;
    // In flight from this moment, so the clock cannot move before the first state even runs.
    this.#activity = new Activity(deps.clock);
    const { promise, resolve } = deferred();
    this.done = promise;
    // Like StartExecution, return before any state runs (the first handler must not run inside start()).
    setImmediate(() => {
      this.#run(compiled, deps)
        .catch((error: unknown) => this.#finish(this.#failure(error)))
        .finally(resolve);
    });
  }

  /** Stops the execution (StopExecution): recorded as aborted, its sleeps cancelled. */
  abort(): void {
    if (!this.#finished) this.#controller.abort(new Error(`execution ${this.record.name} stopped`));
  }

  async #run(compiled: CompiledWorkflow, deps: ExecutionDeps): Promise<void> {
    const { clock } = deps;
    const record = this.record;
    if (this.#controller.signal.aborted) return this.#finish({ status: 'aborted' });
    const log = new EventLog(record, compiled.waits, () => clock.now());
    const scope: ExecutionScope = {
      name: record.name,
      clock,
      activity: this.#activity,
      signal: this.#controller.signal,
      random: deps.random,
      invocation: (state) => log.invocation(state),
    };
    const overrides: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [state, spec] of compiled.tasks) {
      const handler = deps.handlers[spec.placeholder];
      if (!handler) throw new Error(`no handler for ${spec.placeholder}`); // register() checked
      overrides[state] = taskHandler(scope, state, spec, handler);
    }
    for (const state of compiled.waits) overrides[state] = waitHandler(scope, state);

    const run = compiled.machine.run(record.input as never, {
      overrides: {
        taskResourceLocalHandlers: overrides as never,
        retryIntervalOverrides: ZERO_RETRY_INTERVALS,
      },
      context: contextFor(compiled.workflow, record.name),
    });
    const stopEngine = (): void => {
      if (!this.#finished) run.abort();
    };
    this.#controller.signal.addEventListener('abort', stopEngine, { once: true });
    this.#armExecutionTimeout(compiled, clock);

    const events = (async () => {
      for await (const event of run.eventLogs as AsyncGenerator<EngineEvent>) log.engine(event);
    })();
    const outcome = await run.result.then(
      (output): Outcome => ({ status: 'succeeded', output }),
      (error: unknown): Outcome => this.#failure(error),
    );
    await events;
    log.flush();
    this.#finish(outcome);
  }

  /** The definition's TimeoutSeconds, on the clock: a 30-day timeout passes in virtual time too. */
  #armExecutionTimeout(compiled: CompiledWorkflow, clock: LocalClock): void {
    if (compiled.executionTimeoutMs === undefined) return;
    const at = this.record.startedAt + compiled.executionTimeoutMs;
    clock.sleepUntil(at, `${this.record.name}: execution timeout`, this.#controller.signal).then(
      () => {
        this.#timedOut = true;
        this.#controller.abort(new Error(`execution ${this.record.name} timed out`));
      },
      () => {}, // cancelled: the execution ended first
    );
  }

  #failure(error: unknown): Outcome {
    if (this.#timedOut) return { status: 'failed', error: 'States.Timeout', cause: 'Execution timed out' };
    if (error instanceof Error && error.name === 'ExecutionAbortedError') return { status: 'aborted' };
    // ExecutionError wraps what the state threw: report that, as Step Functions does.
    const cause = error instanceof Error && error.name === 'ExecutionError' ? error.cause : error;
    return cause instanceof Error
      ? { status: 'failed', error: cause.name, cause: cause.message }
      : { status: 'failed', error: 'Error', cause: causeText(cause) };
  }

  #finish(outcome: Outcome): void {
    if (this.#finished) return;
    Object.assign(this.record, outcome, { stoppedAt: this.#clock.now() });
    this.#finished = true;
    this.#controller.abort(new Error(`execution ${this.record.name} ended`)); // cancels the timeout timer
    this.#activity.finish();
  }
}

type Outcome =
  | { readonly status: 'succeeded'; readonly output: unknown }
  | { readonly status: 'failed'; readonly error: string; readonly cause: string }
  | { readonly status: 'aborted' };

/** `$$.Execution.Id`/`Name` and `$$.StateMachine` as Step Functions fills them (StartTime stays the engine's). */
function contextFor(workflow: string, name: string): Record<string, unknown> {
  const machine = `arn:aws:states:us-east-1:123456789012:stateMachine:${workflow}`;
  return {
    Execution: { Id: `arn:aws:states:us-east-1:123456789012:execution:${workflow}:${name}`, Name: name },
    StateMachine: { Id: machine, Name: workflow },
  };
}
