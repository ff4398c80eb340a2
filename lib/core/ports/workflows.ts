/** Starting workflow executions (Step Functions in the cloud, the local runner locally). */
export interface WorkflowStarter {
  /**
   * Starts `workflow` under a deterministic execution name. Starting the same name with the same
   * input again is a no-op (`already`), as in Step Functions Standard.
   */
  start(workflow: string, name: string, input: Readonly<Record<string, unknown>>): Promise<'started' | 'already'>;
}
