/**
 * Register-time work, done once per workflow: validate the definition as deployed, rewrite what the
 * runner drives itself (Waits, Task retries and timeouts, the execution timeout) and build the
 * engine's StateMachine (≈ 100 ms each, so never per execution).
 */
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { StateMachine } from 'aws-local-stepfunctions';
import type { AslDefinition } from './asl.ts';
import { isDefinition, mapStates } from './asl.ts';
import type { TaskSpec } from './rewrite-task.ts';
import { rewriteTask } from './rewrite-task.ts';
import { rewriteWait } from './rewrite-wait.ts';
import { validateAsl } from './validate-asl.ts';

export interface CompiledWorkflow {
  readonly workflow: string;
  readonly machine: StateMachine;
  /** Lambda tasks by state name (the engine keys local handlers by state name). */
  readonly tasks: ReadonlyMap<string, TaskSpec>;
  /** Wait states, now virtual-wait Tasks in the engine's eyes. */
  readonly waits: ReadonlySet<string>;
  /** The definition's top-level TimeoutSeconds, enforced on crmflow's clock rather than a real timer. */
  readonly executionTimeoutMs: number | undefined;
}

export function compileWorkflow(workflow: string, definition: unknown): CompiledWorkflow {
  if (!isDefinition(definition)) throw new Error(`workflow "${workflow}": not an ASL definition (no States object)`);
  const problems = validateAsl(definition);
  if (problems.length > 0) throw new Error(`workflow "${workflow}" is not valid ASL:\n  ${problems.join('\n  ')}`);

  const tasks = new Map<string, TaskSpec>();
  const waits = new Set<string>();
  const rewritten = mapStates(structuredClone(definition), (name, state) => {
    if (state.Type === 'Wait') {
      waits.add(name);
      return rewriteWait(state);
    }
    if (state.Type !== 'Task') return state;
    try {
      const { state: task, spec } = rewriteTask(name, state);
      tasks.set(name, spec);
      return task;
    } catch (e) {
      throw new Error(`workflow "${workflow}": ${(e as Error).message}`);
    }
  });
  const { TimeoutSeconds, ...engineDefinition } = rewritten as AslDefinition;
  const machine = new StateMachine(engineDefinition as unknown as StateMachineDefinition, {
    validationOptions: { noValidate: true },
  });
  return {
    workflow,
    machine,
    tasks,
    waits,
    executionTimeoutMs: typeof TimeoutSeconds === 'number' ? TimeoutSeconds * 1000 : undefined,
  };
}
