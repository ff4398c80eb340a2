/**
 * Errors named as Step Functions names them: ASL matches errors by `name` (ErrorEquals), and callers
 * of the starter match the StartExecution exception names the AWS SDK uses.
 */

/** StartExecution: the name is taken (different input, or the execution has closed). */
export class ExecutionAlreadyExists extends Error {
  override readonly name = 'ExecutionAlreadyExists';
}

/** StartExecution: the name breaks Step Functions' rules (1–80 characters, none of the forbidden ones). */
export class InvalidName extends Error {
  override readonly name = 'InvalidName';
}

/** StartExecution: no workflow registered under that name. */
export class StateMachineDoesNotExist extends Error {
  override readonly name = 'StateMachineDoesNotExist';
}

/** A task attempt ran past its TimeoutSeconds. `States.TaskFailed` does not match it. */
export class StatesTimeout extends Error {
  override readonly name = 'States.Timeout';
}

/** The engine's own convention: a States.Runtime error is neither retried nor caught. */
export class StatesRuntime extends Error {
  override readonly name = 'States.Runtime';
  readonly isRetryable = false;
  readonly isCatchable = false;
}

/** What a handler threw, as an Error (Lambda reports non-Error throws by their string form). */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
