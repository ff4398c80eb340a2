/**
 * The outputs `crmflow failures --stack` reads (lib/aws/failures/output-keys.ts): the table's
 * name and each workflow's state machine ARN, under the keys the reader looks for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STACK_NAME as CLI_DEFAULT_STACK_NAME, STACK_OUTPUTS } from '../../lib/aws/failures/output-keys.ts';
import { DEFAULT_STACK_NAME } from '../../lib/infra/crm-flow-stack.ts';
import { WORKFLOW_NAMES } from '../../lib/infra/workflows.ts';
import { buildStack, refTo, SKIP_REASON, type Built } from './support/fixture.ts';

describe.skipIf(SKIP_REASON !== '')(`the stack's outputs for crmflow failures${SKIP_REASON}`, () => {
  let built: Built;
  beforeAll(() => {
    built = buildStack();
  });

  it('name the table', () => {
    built.template.hasOutput(STACK_OUTPUTS.tableName, { Value: refTo(built.stack.crmFlow.table) });
  });

  it('map every workflow to its state machine’s ARN, as a JSON object', () => {
    const output = built.json.Outputs?.[STACK_OUTPUTS.stateMachines] as { Value: unknown } | undefined;
    expect(output).toBeDefined();
    // Deploy-time: CloudFormation joins the parts, each Ref becoming the state machine's ARN.
    const arnOf = (logicalId: string) => `arn:aws:states:eu-north-1:123456789012:stateMachine:${logicalId}`;
    const [separator, parts] = (output?.Value as { 'Fn::Join': [string, (string | { Ref: string })[]] })['Fn::Join'];
    const deployed = parts.map((part) => (typeof part === 'string' ? part : arnOf(part.Ref))).join(separator);
    expect(JSON.parse(deployed)).toEqual(
      Object.fromEntries(
        WORKFLOW_NAMES.map((name) => [name, arnOf(refTo(built.stack.crmFlow.stateMachines[name]).Ref)]),
      ),
    );
  });

  it('are read from the stack the CLI looks for by default', () => {
    expect(CLI_DEFAULT_STACK_NAME).toBe(DEFAULT_STACK_NAME);
  });
});
