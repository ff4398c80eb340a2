/**
 * The WorkflowStarter on Step Functions Standard: StartExecution under the deterministic name.
 * Starting the same name with the same input while it runs succeeds again (Step Functions' own
 * idempotency), so the answer is always 'started'; a finished execution, or another input under the
 * name, is ExecutionAlreadyExists, which the router treats as done.
 */
import { StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { WorkflowStarter } from '../core/ports/workflows.ts';

export interface StepFunctionsStarterOptions {
  readonly client: SFNClient;
  /** Workflow name → state machine ARN (CRMFLOW_STATE_MACHINES). */
  readonly stateMachines: Readonly<Record<string, string>>;
}

export class StepFunctionsStarter implements WorkflowStarter {
  readonly #client: SFNClient;
  readonly #stateMachines: Readonly<Record<string, string>>;

  constructor(options: StepFunctionsStarterOptions) {
    this.#client = options.client;
    this.#stateMachines = options.stateMachines;
  }

  async start(workflow: string, name: string, input: Readonly<Record<string, unknown>>): Promise<'started'> {
    const stateMachineArn = this.#stateMachines[workflow];
    if (!stateMachineArn) throw new Error(`no state machine is known for the workflow "${workflow}"`);
    try {
      await this.#client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists') {
        // The router matches on this exact name; the SDK's error is kept as the cause.
        const exists = new Error(`the execution ${name} already exists`, { cause: error });
        exists.name = 'ExecutionAlreadyExists';
        throw exists;
      }
      throw error;
    }
    return 'started';
  }
}
