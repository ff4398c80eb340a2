/**
 * crmflow's CDK constructs: `import { CrmFlow } from 'crmflow'`. aws-cdk-lib and constructs are peer
 * dependencies; the cdk-nag packs are in `crmflow/checks` (lib/infra/checks.ts), which needs cdk-nag.
 */
export {
  CrmFlow,
  DEFAULT_THROTTLE,
  EDGE_SECRET_KEYS,
  WEBHOOK_ROUTES,
  type CrmFlowEventRelay,
  type CrmFlowExistingSecrets,
  type CrmFlowProps,
  type CrmFlowSecrets,
  type CrmFlowThrottle,
} from './crm-flow.ts';
export {
  createCrmFlowStack,
  CrmFlowStack,
  CONTEXT_KEYS,
  DEFAULT_MAIL_FROM,
  DEFAULT_STACK_NAME,
  type CrmFlowAppOptions,
  type CrmFlowStackProps,
} from './crm-flow-stack.ts';
export { ConfigFileError, loadConfigFile, type LoadedConfig } from './config-file.ts';
export { FUNCTION_NAMES, FUNCTION_SPECS, type CrmFlowFunctionName, type FunctionSpec } from './functions.ts';
export { WORKFLOW_NAMES, type WorkflowName } from './workflows.ts';
