/**
 * Lambda Tasks: the handler is chosen by the Resource placeholder, and the runner — not the engine —
 * retries and times out each attempt, so retry intervals sleep on crmflow's clock.
 */
import type { AslState } from './asl.ts';
import { isObject } from './asl.ts';
import { fakeLambdaArn, placeholderOf } from './placeholders.ts';
import type { Retrier } from './retry-policy.ts';
import { parseRetriers } from './retry-policy.ts';
import { ENGINE_MAX_TIMEOUT_SECONDS } from './rewrite-wait.ts';

/** The engine's default when a Task sets none (AWS's is ~3 years; locally a hung handler must surface). */
const DEFAULT_TASK_TIMEOUT_SECONDS = 60;

export interface TaskSpec {
  readonly placeholder: string;
  readonly retriers: readonly Retrier[];
  /** Real milliseconds per attempt: virtual time stands still while a handler runs, so only real time can catch a hang. */
  readonly attemptTimeoutMs: number;
  /** Whether any catcher takes States.Timeout; if not, the runner's timeout error is made uncatchable. */
  readonly timeoutCatchable: boolean;
}

export function rewriteTask(name: string, state: AslState): { state: AslState; spec: TaskSpec } {
  const placeholder = placeholderOf(state.Resource);
  if (placeholder === undefined) {
    throw new Error(
      `Task "${name}": Resource ${JSON.stringify(state.Resource)} is not a definitionSubstitutions placeholder ` +
        'like "${PlanFunctionArn}"; the local runner only runs Lambda tasks through placeholders',
    );
  }
  if (state.TimeoutSecondsPath !== undefined) {
    throw new Error(`Task "${name}": TimeoutSecondsPath is not supported by the local runner; set TimeoutSeconds`);
  }
  const timeout = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : DEFAULT_TASK_TIMEOUT_SECONDS;
  const { Retry, TimeoutSeconds: _timeout, ...keep } = state;
  const { Catch, timeoutCatchable } = timeoutSafeCatch(state.Catch);
  return {
    state: {
      ...keep,
      ...(Catch === undefined ? {} : { Catch }),
      Resource: fakeLambdaArn(placeholder),
      TimeoutSeconds: ENGINE_MAX_TIMEOUT_SECONDS,
    },
    spec: { placeholder, retriers: parseRetriers(Retry), attemptTimeoutMs: timeout * 1000, timeoutCatchable },
  };
}

/**
 * The engine lets `States.TaskFailed` catch every error but its own timeout class, which is not
 * exported — so it would catch our States.Timeout. Where a TaskFailed catcher comes before the one
 * that really takes the timeout, a copy of that one, narrowed to States.Timeout, goes first.
 */
function timeoutSafeCatch(catchField: unknown): { Catch: unknown; timeoutCatchable: boolean } {
  const catchers = Array.isArray(catchField) ? catchField.filter(isObject) : [];
  const names = (c: Readonly<Record<string, unknown>>): unknown[] =>
    Array.isArray(c.ErrorEquals) ? c.ErrorEquals : [];
  const takes = catchers.findIndex((c) => names(c).some((e) => e === 'States.Timeout' || e === 'States.ALL'));
  const taker = catchers[takes];
  const misfires = catchers.slice(0, takes < 0 ? undefined : takes).some((c) => names(c).includes('States.TaskFailed'));
  if (!taker || !misfires) return { Catch: catchField, timeoutCatchable: taker !== undefined };
  return { Catch: [{ ...taker, ErrorEquals: ['States.Timeout'] }, ...catchers], timeoutCatchable: true };
}
