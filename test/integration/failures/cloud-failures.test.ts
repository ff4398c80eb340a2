/**
 * `crmflow failures --stack`'s adapters with the real AWS SDK clients: CloudFormation and Step
 * Functions answered by a loopback stand-in (fake-aws.ts), DynamoDB by dynalite.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cloudFailureAdmin, closeClients, type CloudClients } from '../../../lib/aws/failures/cloud-failures.ts';
import { DynamoStore } from '../../../lib/aws/store/dynamo-store.ts';
import { retryExecutionName } from '../../../lib/core/failures/retry-name.ts';
import type { FailureEntry } from '../../../lib/core/ports/store.ts';
import { startLocalDynamo, type LocalDynamo } from '../../../lib/local/dynamo/local-dynamo.ts';
import { DUMMY_CREDENTIALS, startFakeAws, type AwsAnswer, type AwsCall } from '../aws/support/fake-aws.ts';

const REGION = 'eu-north-1';
const ESCALATION_ARN = `arn:aws:states:${REGION}:123456789012:stateMachine:CrmFlowEscalationWorkflow`;

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo.close();
});

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const failure: FailureEntry = {
  id: 'escalation-salesforce-500000000000001AAA-v1',
  at: Date.parse('2026-12-02T08:00:00Z'),
  workflow: 'escalation',
  ref: { crm: 'salesforce', kind: 'case', id: '500000000000001AAA' },
  step: 'act',
  error: 'CrmPermanentError',
  cause: 'Salesforce answered 400 FIELD_CUSTOM_VALIDATION_EXCEPTION',
  retryInput: { ref: { crm: 'salesforce', kind: 'case', id: '500000000000001AAA' }, version: 1 },
  state: 'open',
};

const member = (key: string, value: string) =>
  `<member><OutputKey>${key}</OutputKey><OutputValue>${value}</OutputValue></member>`;

/** DescribeStacks' XML answer (the Query protocol), with these outputs. */
const stackAnswer = (outputs: string, status = 'UPDATE_COMPLETE'): AwsAnswer => ({
  body:
    '<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult>' +
    '<Stacks><member><StackName>CrmFlow</StackName>' +
    `<StackId>arn:aws:cloudformation:${REGION}:123456789012:stack/CrmFlow/1</StackId>` +
    `<CreationTime>2026-11-01T10:00:00Z</CreationTime><StackStatus>${status}</StackStatus>` +
    `<Outputs>${outputs}</Outputs></member></Stacks></DescribeStacksResult>` +
    '<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></DescribeStacksResponse>',
});

const noSuchStack: AwsAnswer = {
  status: 400,
  body:
    '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type>' +
    '<Code>ValidationError</Code><Message>Stack with id Nope does not exist</Message></Error>' +
    '<RequestId>r-2</RequestId></ErrorResponse>',
};

/** Real clients: CloudFormation and Step Functions on the stand-in, DynamoDB on dynalite. */
async function clientsAnswering(cloudFormation: (call: AwsCall) => AwsAnswer, stepFunctions: () => AwsAnswer) {
  const cfn = await startFakeAws(cloudFormation);
  const sfn = await startFakeAws(stepFunctions);
  closers.push(
    () => cfn.close(),
    () => sfn.close(),
  );
  const common = { region: REGION, credentials: DUMMY_CREDENTIALS };
  const clients: CloudClients = {
    cloudFormation: new CloudFormationClient({ ...common, endpoint: cfn.endpoint }),
    dynamo: new DynamoDBClient({ ...common, endpoint: dynamo.endpoint }),
    stepFunctions: new SFNClient({ ...common, endpoint: sfn.endpoint }),
  };
  closers.push(() => closeClients(clients));
  return { clients, cfnCalls: cfn.calls, sfnCalls: sfn.calls };
}

async function tableWith(...entries: FailureEntry[]): Promise<{ tableName: string; store: DynamoStore }> {
  const tableName = `crmflow-${randomUUID()}`;
  await dynamo.ensureTable(tableName);
  const store = new DynamoStore({ client: dynamo.client, tableName });
  for (const entry of entries) await store.recordFailure(entry);
  return { tableName, store };
}

const outputsFor = (tableName: string) =>
  member('ApiUrl', 'https://abc.execute-api.eu-north-1.amazonaws.com/') +
  member('TableName', tableName) +
  member('StateMachines', JSON.stringify({ escalation: ESCALATION_ARN }).replaceAll('"', '&quot;'));

describe('the failures of a deployed stack', () => {
  it('are read from the table its outputs name, and retried on its state machine, once', async () => {
    const { tableName, store } = await tableWith(failure);
    const { clients, cfnCalls, sfnCalls } = await clientsAnswering(
      () => stackAnswer(outputsFor(tableName)),
      () => ({ body: { executionArn: `${ESCALATION_ARN}:x`, startDate: 1796198400 } }),
    );
    const admin = await cloudFailureAdmin('CrmFlow', clients);
    expect(cfnCalls.map((call) => [call.operation, call.body['StackName']])).toEqual([['DescribeStacks', 'CrmFlow']]);

    expect(await admin.list('open')).toEqual([failure]);
    expect(await admin.retry({ ids: [failure.id] })).toEqual([
      {
        id: failure.id,
        at: failure.at,
        workflow: 'escalation',
        outcome: 'started',
        execution: retryExecutionName(failure),
      },
    ]);
    expect(sfnCalls.map((call) => call.body)).toEqual([
      { stateMachineArn: ESCALATION_ARN, name: retryExecutionName(failure), input: JSON.stringify(failure.retryInput) },
    ]);
    expect(await store.listFailures('retried')).toEqual([{ ...failure, state: 'retried' }]);
    expect(await admin.retry({ ids: [failure.id] })).toEqual([{ id: failure.id, outcome: 'already retried' }]);
    expect(sfnCalls).toHaveLength(1);
  });

  it('stay open when the state machine cannot be started, saying why', async () => {
    const { tableName, store } = await tableWith(failure);
    const { clients } = await clientsAnswering(
      () => stackAnswer(outputsFor(tableName)),
      () => ({ status: 400, body: { __type: 'AccessDeniedException', message: 'not authorized to StartExecution' } }),
    );
    const admin = await cloudFailureAdmin('CrmFlow', clients);
    const [report] = await admin.retry({ allOpen: true });
    expect(report).toMatchObject({ id: failure.id, outcome: 'failed' });
    expect(report?.reason).toContain('not authorized to StartExecution');
    expect(await store.listFailures('open')).toEqual([failure]);
  });
});

describe('a stack crmflow failures cannot use', () => {
  const noStarts = (): AwsAnswer => ({ status: 500, body: { message: 'not expected' } });

  it('is named, with the options that find the right one, when it does not exist', async () => {
    const { clients } = await clientsAnswering(() => noSuchStack, noStarts);
    await expect(cloudFailureAdmin('Nope', clients)).rejects.toThrow(
      `no stack "Nope" in ${REGION}: name the deployed stack with --stack <name> and its region with --region <region>`,
    );
  });

  it('is told to redeploy when it lacks the outputs (deployed by an older crmflow)', async () => {
    const { clients } = await clientsAnswering(
      () => stackAnswer(member('ApiUrl', 'https://abc.execute-api.eu-north-1.amazonaws.com/')),
      noStarts,
    );
    await expect(cloudFailureAdmin('CrmFlow', clients)).rejects.toThrow(
      'the stack "CrmFlow" (UPDATE_COMPLETE) has no TableName or StateMachines output: deploy this version of crmflow to it (npx cdk deploy)',
    );
  });

  it('is told to redeploy when its StateMachines output is not a JSON object of ARNs', async () => {
    const { clients } = await clientsAnswering(
      () => stackAnswer(member('TableName', 't') + member('StateMachines', 'escalation')),
      noStarts,
    );
    await expect(cloudFailureAdmin('CrmFlow', clients)).rejects.toThrow(
      'the stack "CrmFlow" has a StateMachines output that is not a JSON object of ARNs',
    );
  });
});
