/** Starting workflow executions (Step Functions in the cloud, the local runner locally). */
export interface WorkflowStarter {
  /**
   * Starts `workflow` under a deterministic execution name. Starting the same name with the same
   * input while it runs is a no-op (`already`), as in Step Functions Standard; once it has finished,
   * Step Functions answers ExecutionAlreadyExists, which the caller treats as done (an error with
   * that name).
   */
  start(workflow: string, name: string, input: Readonly<Record<string, unknown>>): Promise<'started' | 'already'>;
}
