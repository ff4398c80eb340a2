/**
 * The deployable stack (`npx cdk deploy`): the CrmFlow construct with a config file and its outputs:
 * the webhook API's URL, and the table and state machines `crmflow failures` works on.
 */
import { Annotations, CfnOutput, Stack, type App, type StackProps } from 'aws-cdk-lib';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { loadConfigFile } from './config-file.ts';
import { CrmFlow, type CrmFlowProps } from './crm-flow.ts';
import { WORKFLOW_NAMES } from './workflows.ts';
import { STACK_OUTPUTS } from '../aws/failures/output-keys.ts';
import { findPackageRoot } from '../package-root.ts';

export interface CrmFlowStackProps extends StackProps, CrmFlowProps {}

export class CrmFlowStack extends Stack {
  public readonly crmFlow: CrmFlow;

  constructor(scope: Construct, id: string, props: CrmFlowStackProps) {
    super(scope, id, {
      description: 'crmflow: escalation timers, follow-up calls and order expediting beside Salesforce / HubSpot',
      ...props,
    });
    this.crmFlow = new CrmFlow(this, 'CrmFlow', props);
    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the webhook API; the CRMs call <ApiUrl>webhooks/… (README, "Deploying")',
      value: this.crmFlow.url,
    });
    // Names, not secrets: `crmflow failures` finds what it reads and starts through these.
    new CfnOutput(this, STACK_OUTPUTS.tableName, {
      description: 'The DynamoDB table of record state, the action ledger and failures (crmflow failures)',
      value: this.crmFlow.table.tableName,
    });
    const { stateMachines } = this.crmFlow;
    new CfnOutput(this, STACK_OUTPUTS.stateMachines, {
      description: 'Workflow name → state machine ARN, as JSON (crmflow failures retry starts them)',
      value: this.toJsonString(
        Object.fromEntries(WORKFLOW_NAMES.map((name) => [name, stateMachines[name].stateMachineArn])),
      ),
    });
  }
}

/** What `cdk deploy -c key=value` can set; every key is optional. */
export const CONTEXT_KEYS = {
  /** The SES identity e-mails come from. */
  mailFrom: 'mailFrom',
  /** Path of the config file. */
  config: 'config',
  /** The stack's name. */
  stackName: 'stackName',
  /** Name of the Salesforce Event Relay partner event bus; no rule without it. */
  eventRelayBus: 'eventRelayBus',
} as const;

export const DEFAULT_MAIL_FROM = 'crmflow@example.com';
export const DEFAULT_STACK_NAME = 'CrmFlow';

export interface CrmFlowAppOptions {
  /** @default - `crmflow.config.yaml` at the package root, or the `config` context value */
  readonly configPath?: string;
  /** @default - the `mailFrom` context value, else crmflow@example.com (with a warning) */
  readonly mailFrom?: string;
  readonly alarmTopic?: ITopic;
}

/**
 * The stack as lib/app.ts builds it from context: validates the config file (a bad one throws
 * ConfigFileError, listing every problem), env-agnostic (synth needs no account and no credentials).
 */
export function createCrmFlowStack(app: App, options: CrmFlowAppOptions = {}): CrmFlowStack {
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const configPath =
    options.configPath ?? context(CONTEXT_KEYS.config) ?? join(findPackageRoot(), 'crmflow.config.yaml');
  const { config, warnings } = loadConfigFile(configPath);
  const mailFrom = options.mailFrom ?? context(CONTEXT_KEYS.mailFrom);
  const eventRelayBus = context(CONTEXT_KEYS.eventRelayBus);
  const stack = new CrmFlowStack(app, context(CONTEXT_KEYS.stackName) ?? DEFAULT_STACK_NAME, {
    config,
    mailFrom: mailFrom ?? DEFAULT_MAIL_FROM,
    ...(options.alarmTopic ? { alarmTopic: options.alarmTopic } : {}),
    ...(eventRelayBus ? { eventRelay: { eventBusName: eventRelayBus } } : {}),
  });
  for (const warning of warnings) Annotations.of(stack).addWarningV2('crmflow:config', warning);
  if (mailFrom === undefined) {
    Annotations.of(stack).addWarningV2(
      'crmflow:mailFrom',
      `no -c mailFrom=…: e-mails would come from ${DEFAULT_MAIL_FROM}, which SES will not send from — ` +
        'deploy with -c mailFrom=<a verified SES identity>',
    );
  }
  return stack;
}
