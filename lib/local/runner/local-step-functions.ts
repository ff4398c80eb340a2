/**
 * Step Functions Standard, in process: the workflows' ASL (as CDK deploys it) run by
 * aws-local-stepfunctions with our handlers, on crmflow's clock. The local WorkflowStarter.
 */
import { isDeepStrictEqual } from 'node:util';
import type { WorkflowStarter } from '../../core/ports/workflows.ts';
import type { LocalClock } from '../clock/local-clock.ts';
import type { CompiledWorkflow } from './compile.ts';
import { compileWorkflow } from './compile.ts';
import { ExecutionAlreadyExists, InvalidName, StateMachineDoesNotExist } from './errors.ts';
import { Execution } from './execution.ts';
import type { ExecutionRecord, LiveRecord } from './execution-record.ts';
import { snapshot } from './execution-record.ts';
import type { TaskHandler } from './execution-scope.ts';

export interface LocalStepFunctionsOptions {
  /** For Retry `JitterStrategy: FULL`; pass a seeded one for reproducible runs. */
  readonly random?: () => number;
  /**
   * Whose event history is kept once an execution ends: `all`, or `unsucceeded` (a succeeded
   * execution keeps its record and transition count, not its events — each event holds a state's
   * input and output, and a long `crmflow dev` or a 10 000-case simulation would keep gigabytes).
   * @default 'all'
   */
  readonly history?: 'all' | 'unsucceeded';
}

// StartExecution's rule: no whitespace, brackets, wildcards, these specials or control characters; 1–80 long.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

interface Registered {
  readonly compiled: CompiledWorkflow;
  readonly handlers: Readonly<Record<string, TaskHandler>>;
}

export class LocalStepFunctions implements WorkflowStarter {
  readonly #clock: LocalClock;
  readonly #random: () => number;
  readonly #workflows = new Map<string, Registered>();
  readonly #executions = new Map<string, Execution>();
  readonly #history: 'all' | 'unsucceeded';
  #stopped = false;

  constructor(clock: LocalClock, options: LocalStepFunctionsOptions = {}) {
    this.#clock = clock;
    this.#random = options.random ?? Math.random;
    this.#history = options.history ?? 'all';
  }

  /**
   * Validates and compiles `definition` once. Task Resources are placeholders (`"${PlanFunctionArn}"`);
   * `handlers` are keyed by placeholder name and may hold more than this workflow uses.
   */
  register(workflow: string, definition: object, handlers: Readonly<Record<string, TaskHandler>>): void {
    if (this.#workflows.has(workflow)) throw new Error(`workflow "${workflow}" is already registered`);
    const compiled = compileWorkflow(workflow, definition);
    const missing = [...new Set([...compiled.tasks.values()].map((t) => t.placeholder))].filter((p) => !handlers[p]);
    if (missing.length > 0) throw new Error(`workflow "${workflow}": no handler for ${missing.join(', ')}`);
    this.#workflows.set(workflow, { compiled, handlers: { ...handlers } });
  }

  /**
   * StartExecution (Standard): a running execution of that name with deep-equal input → 'already';
   * different input, or an execution of that name that has closed → ExecutionAlreadyExists, as
   * AWS answers (names are one namespace here, as ours embed the workflow). Does not await the run.
   */
  async start(
    workflow: string,
    name: string,
    input: Readonly<Record<string, unknown>>,
  ): Promise<'started' | 'already'> {
    if (this.#stopped) throw new Error('the local workflow runner has been stopped');
    if (name.length < 1 || name.length > 80 || FORBIDDEN_IN_NAME.test(name)) {
      throw new InvalidName(
        `"${name}" is not a valid execution name: 1–80 characters, no whitespace, brackets, wildcards or specials`,
      );
    }
    // The input travels as JSON, as it does to Step Functions: compare and store what would arrive.
    const json = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    const existing = this.#executions.get(name)?.record;
    if (existing) {
      if (existing.workflow === workflow && existing.status === 'running' && isDeepStrictEqual(existing.input, json)) {
        return 'already';
      }
      const why =
        existing.status !== 'running' ? `has already ${existing.status}` : 'is running with a different input';
      throw new ExecutionAlreadyExists(`execution ${name} of ${existing.workflow} ${why}`);
    }
    const registered = this.#workflows.get(workflow);
    if (!registered) throw new StateMachineDoesNotExist(`no workflow "${workflow}" is registered`);
    const record: LiveRecord = {
      name,
      workflow,
      status: 'running',
      input: json,
      startedAt: this.#clock.now(),
      stateTransitions: 0,
      events: [],
    };
    const deps = { clock: this.#clock, handlers: registered.handlers, random: this.#random };
    const execution = new Execution(registered.compiled, record, deps);
    this.#executions.set(name, execution);
    if (this.#history === 'unsucceeded') {
      void execution.done.then(() => {
        if (record.status === 'succeeded') record.events = [];
      });
    }
    return 'started';
  }

  executions(): ExecutionRecord[] {
    return [...this.#executions.values()].map((e) => snapshot(e.record));
  }

  execution(name: string): ExecutionRecord | undefined {
    const execution = this.#executions.get(name);
    return execution && snapshot(execution.record);
  }

  /** Aborts every running execution, cancelling their sleeps; resolves once all records are final. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const execution of this.#executions.values()) execution.abort();
    await Promise.all([...this.#executions.values()].map((e) => e.done));
  }
}
