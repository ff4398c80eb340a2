/**
 * Runs one Lambda Task the way Step Functions would: each attempt through a JSON round trip (a
 * Lambda only ever sees and returns JSON), tracked on the clock, raced against TimeoutSeconds in
 * real time; failed attempts retried per the state's Retry, the interval slept on crmflow's clock.
 */
import { asError, StatesTimeout } from './errors.ts';
import type { ExecutionScope, TaskHandler } from './execution-scope.ts';
import type { TaskSpec } from './rewrite-task.ts';
import { decideRetry } from './retry-policy.ts';

export function taskHandler(
  scope: ExecutionScope,
  stateName: string,
  spec: TaskSpec,
  handler: TaskHandler,
): (input: unknown) => Promise<unknown> {
  return async (input) => {
    const log = scope.invocation(stateName);
    const attempts: number[] = [];
    for (;;) {
      try {
        return await scope.clock.track(withTimeout(invoke(handler, input), spec.attemptTimeoutMs, stateName));
      } catch (thrown) {
        const error = asError(thrown);
        const retry = scope.signal.aborted ? undefined : decideRetry(spec.retriers, attempts, error, scope.random);
        if (!retry) throw catchable(error, spec);
        const until = scope.clock.now() + retry.delayMs;
        log({
          type: 'StateRetried',
          stateType: 'Task',
          error: error.name,
          cause: error.message,
          attempt: retry.attempt,
          until,
        });
        const label = `${scope.name}: ${stateName} retry ${retry.attempt}`;
        await scope.activity.park(scope.clock.sleepUntil(until, label, scope.signal));
      }
    }
  };
}

/** A timeout no catcher takes must not be caught by a States.TaskFailed catcher either (see rewrite-task). */
function catchable(error: Error, spec: TaskSpec): Error {
  return error.name === 'States.Timeout' && !spec.timeoutCatchable
    ? Object.assign(error, { isCatchable: false })
    : error;
}

async function invoke(handler: TaskHandler, input: unknown): Promise<unknown> {
  const result = await handler(jsonCopy(input));
  return jsonCopy(result);
}

function jsonCopy(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Real time on purpose: virtual time stands still while a handler runs, so only real time can expose a hang. */
async function withTimeout<T>(work: Promise<T>, ms: number, stateName: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StatesTimeout(`Task ${stateName} ran past its ${ms / 1000} s timeout`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
