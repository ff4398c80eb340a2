/**
 * What `crmflow failures` needs of a deployed stack, read from its CloudFormation outputs
 * (lib/infra/crm-flow-stack.ts writes them): the table, and each workflow's state machine.
 */
import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { STACK_OUTPUTS } from './output-keys.ts';

export interface StackOutputs {
  readonly tableName: string;
  /** Workflow name → state machine ARN. */
  readonly stateMachines: Readonly<Record<string, string>>;
}

export async function readStackOutputs(client: CloudFormationClient, stackName: string): Promise<StackOutputs> {
  const stack = await describeStack(client, stackName);
  const outputs = new Map((stack.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  const redeploy = `deploy this version of crmflow to it (npx cdk deploy)`;
  const missing = Object.values(STACK_OUTPUTS).filter((key) => !outputs.get(key));
  if (missing.length > 0) {
    throw new Error(
      `the stack "${stackName}" (${stack.StackStatus ?? 'status unknown'}) has no ${missing.join(' or ')} output: ${redeploy}`,
    );
  }
  return {
    tableName: outputs.get(STACK_OUTPUTS.tableName) as string,
    stateMachines: parseStateMachines(outputs.get(STACK_OUTPUTS.stateMachines) as string, stackName, redeploy),
  };
}

async function describeStack(client: CloudFormationClient, stackName: string) {
  try {
    const { Stacks: [stack] = [] } = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    if (stack) return stack;
  } catch (error) {
    throw new Error(await explain(client, stackName, error as Error), { cause: error });
  }
  throw new Error(`CloudFormation described no stack "${stackName}"`);
}

/** The SDK's errors for the usual mistakes, as what to do about them. */
async function explain(client: CloudFormationClient, stackName: string, error: Error): Promise<string> {
  if (error.name === 'CredentialsProviderError') {
    return 'no AWS credentials: sign in (aws sso login, or set AWS_PROFILE / AWS_ACCESS_KEY_ID) and try again';
  }
  if (/region is missing/i.test(error.message)) return 'no AWS region: pass --region, or set AWS_REGION';
  const region = await client.config.region().catch(() => 'this region');
  if (error.name === 'ValidationError' && /does not exist/i.test(error.message)) {
    return (
      `no stack "${stackName}" in ${region}: name the deployed stack with --stack <name> and its region ` +
      'with --region <region>, or use --dev for a running crmflow dev'
    );
  }
  return `could not describe the stack "${stackName}" in ${region}: ${error.name}: ${error.message}`;
}

function parseStateMachines(text: string, stackName: string, redeploy: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((arn) => typeof arn === 'string' && arn.startsWith('arn:'));
  if (!valid) {
    throw new Error(
      `the stack "${stackName}" has a ${STACK_OUTPUTS.stateMachines} output that is not a JSON object of ARNs: ${redeploy}`,
    );
  }
  return parsed as Record<string, string>;
}
