import { SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { StepFunctionsStarter } from '../../../lib/aws/step-functions-starter.ts';
import { DUMMY_CREDENTIALS, startFakeAws } from './support/fake-aws.ts';

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:crmflow-escalation';
const input = { ref: { crm: 'salesforce', kind: 'case', id: '500A' }, version: 2 };

let sfn: Awaited<ReturnType<typeof startFakeAws>> | undefined;
let client: SFNClient | undefined;
async function starterAnswering(answer: Parameters<typeof startFakeAws>[0]) {
  sfn = await startFakeAws(answer);
  client = new SFNClient({ endpoint: sfn.endpoint, region: 'eu-west-1', credentials: DUMMY_CREDENTIALS });
  return { starter: new StepFunctionsStarter({ client, stateMachines: { escalation: ARN } }), calls: sfn.calls };
}
afterEach(async () => {
  client?.destroy();
  await sfn?.close();
  sfn = undefined;
  client = undefined;
});

const jsonError = (type: string, message: string) => ({ status: 400, body: { __type: type, message } });

describe('StepFunctionsStarter', () => {
  it('starts the workflow’s state machine under the name, with the input as JSON', async () => {
    const { starter, calls } = await starterAnswering(() => ({
      body: { executionArn: `${ARN.replace('stateMachine', 'execution')}:x`, startDate: 1796194800 },
    }));

    expect(await starter.start('escalation', 'escalation-salesforce-500A-v2', input)).toBe('started');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.operation).toBe('AWSStepFunctions.StartExecution');
    expect(calls[0]?.body).toEqual({
      stateMachineArn: ARN,
      name: 'escalation-salesforce-500A-v2',
      input: JSON.stringify(input),
    });
  });

  it('rethrows ExecutionAlreadyExists under exactly that name (the router treats it as done)', async () => {
    const { starter } = await starterAnswering(() =>
      jsonError('com.amazonaws.states#ExecutionAlreadyExists', 'Execution Already Exists: arn:…'),
    );
    const start = starter.start('escalation', 'escalation-salesforce-500A-v2', input);
    await expect(start).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('passes other errors on as they are', async () => {
    const { starter } = await starterAnswering(() => jsonError('InvalidName', 'Invalid Name: bad name'));
    await expect(starter.start('escalation', 'bad name', input)).rejects.toMatchObject({ name: 'InvalidName' });
  });

  it('refuses a workflow it has no state machine for, without calling Step Functions', async () => {
    const { starter, calls } = await starterAnswering(() => ({ body: {} }));
    await expect(starter.start('expedite', 'expedite-salesforce-801A-v1', input)).rejects.toThrow(
      'no state machine is known for the workflow "expedite"',
    );
    expect(calls).toHaveLength(0);
  });
});
