/**
 * The deployed stack's outputs `crmflow failures` reads, shared by the stack that writes them
 * (lib/infra/crm-flow-stack.ts) and the reader (stack-outputs.ts). No SDK here: synth imports it.
 */
export const STACK_OUTPUTS = { tableName: 'TableName', stateMachines: 'StateMachines' } as const;

/** The stack `npx cdk deploy` creates unless `-c stackName=…` says otherwise (lib/infra DEFAULT_STACK_NAME). */
export const DEFAULT_STACK_NAME = 'CrmFlow';
