/**
 * The Lambdas as they run in AWS: bundled the way the construct bundles them, each invoked in a
 * fresh process with only the contract's environment, against loopback stand-ins (dynalite, a fake
 * of Secrets Manager, SQS and Step Functions). This is where the compiled-in config, the templates
 * beside the bundle, and every env var of the contract are checked together.
 */
import { createHash, createHmac } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../../lib/aws/store/dynamo-store.ts';
import type { CrmEvent } from '../../../lib/core/model/crm-event.ts';
import { startLocalDynamo, type LocalDynamo } from '../../../lib/local/dynamo/local-dynamo.ts';
import { ENTRIES, ROOT, bundleEntries, type Bundles, type EntryName } from './support/bundle.ts';
import { startFakeAws, type AwsCall } from './support/fake-aws.ts';
import { exportsOf, invokeBundle } from './support/invoke-bundle.ts';

const ARN = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}`;
const HMAC_SECRET = 'h'.repeat(40);
const SECRETS: Record<string, unknown> = {
  [ARN('edge')]: { salesforceHmacSecret: HMAC_SECRET },
  [ARN('salesforce')]: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: '00D!token' },
  [ARN('hubspot')]: { accessToken: 'pat-eu1-token' },
};
const MACHINES = {
  escalation: 'arn:aws:states:eu-west-1:123456789012:stateMachine:crmflow-escalation',
  'follow-up': 'arn:aws:states:eu-west-1:123456789012:stateMachine:crmflow-follow-up',
  expedite: 'arn:aws:states:eu-west-1:123456789012:stateMachine:crmflow-expedite',
};

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function answer(call: AwsCall) {
  switch (call.operation) {
    case 'secretsmanager.GetSecretValue': {
      const id = String(call.body.SecretId);
      return { body: { ARN: id, Name: id, SecretString: JSON.stringify(SECRETS[id]), VersionId: 'v1' } };
    }
    case 'AmazonSQS.SendMessageBatch': {
      const entries = call.body.Entries as { Id: string; MessageBody: string }[];
      return {
        body: {
          Successful: entries.map((e) => ({ Id: e.Id, MessageId: `m${e.Id}`, MD5OfMessageBody: md5(e.MessageBody) })),
        },
      };
    }
    case 'AWSStepFunctions.StartExecution':
      return { body: { executionArn: `${String(call.body.stateMachineArn)}:x`, startDate: 1796194800 } };
    default:
      return { status: 400, body: { __type: 'UnknownOperationException', message: call.operation } };
  }
}

let outdir: string;
let bundles: Bundles;
let dynamo: LocalDynamo;
let aws: Awaited<ReturnType<typeof startFakeAws>>;
let env: Record<string, string>;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'crmflow-bundles-'));
  const config: unknown = parse(await readFile(join(ROOT, 'crmflow.config.yaml'), 'utf8'));
  [bundles, dynamo, aws] = await Promise.all([bundleEntries(outdir, config), startLocalDynamo(), startFakeAws(answer)]);
  env = {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL: aws.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    POWERTOOLS_SERVICE_NAME: 'crmflow',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    CRMFLOW_TABLE_NAME: dynamo.tableName,
  };
}, 120_000);
afterAll(async () => {
  await Promise.all([aws?.close(), dynamo?.close(), outdir && rm(outdir, { recursive: true, force: true })]);
});

const stepEnv = () => ({
  ...env,
  CRMFLOW_SALESFORCE_SECRET_ARN: ARN('salesforce'),
  CRMFLOW_HUBSPOT_SECRET_ARN: ARN('hubspot'),
  CRMFLOW_MAIL_FROM: 'crmflow <noreply@example.com>',
});

describe('the bundles', () => {
  it.each(Object.keys(ENTRIES) as EntryName[])('%s loads with no environment and exports handler', async (name) => {
    expect(await exportsOf(bundles.files[name])).toBe('function');
  });

  it('keep CRM SDKs out of the webhook edge', () => {
    const sdk = (inputs: readonly string[]) => inputs.filter((path) => /node_modules\/(jsforce|@hubspot)\//.test(path));
    expect(sdk(bundles.inputs.webhook)).toEqual([]);
    expect(sdk(bundles.inputs.router).length).toBeGreaterThan(0);
  });
});

describe('the webhook Lambda', () => {
  const body = JSON.stringify({
    events: [
      {
        id: '500A00000000001AAA:1',
        object: 'Case',
        recordId: '500A00000000001AAA',
        change: 'updated',
        occurredAt: new Date().toISOString(),
        fields: { Subject: 'Jane Roe cannot log in' },
      },
    ],
  });
  const request = () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', HMAC_SECRET).update(`${timestamp}.`).update(body).digest('hex')}`;
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/webhooks/salesforce/events',
      rawQueryString: '',
      headers: {
        'content-type': 'application/json',
        host: 'hooks.example.com',
        'x-crmflow-timestamp': timestamp,
        'x-crmflow-signature': signature,
      },
      requestContext: { http: { method: 'POST', path: '/webhooks/salesforce/events', protocol: 'HTTP/1.1' } },
      body,
      isBase64Encoded: false,
    };
  };
  // The SQS client sends to the queue URL's host (useQueueUrlAsEndpoint): here, the fake.
  const queueUrl = () => `${aws.endpoint}/123456789012/crmflow-events`;
  const edgeEnv = () => ({
    ...env,
    CRMFLOW_QUEUE_URL: queueUrl(),
    CRMFLOW_EDGE_SECRET_ARN: ARN('edge'),
    CRMFLOW_PUBLIC_BASE_URL: 'https://hooks.example.com',
  });

  it('verifies with the secret from Secrets Manager, queues on SQS and answers 202, logging no field value', async () => {
    const before = aws.calls.length;
    const { result, logs } = await invokeBundle(bundles.files.webhook, request(), edgeEnv());

    expect(result, logs).toMatchObject({ statusCode: 202 });
    const sent = aws.calls.slice(before).filter((call) => call.operation === 'AmazonSQS.SendMessageBatch');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.QueueUrl).toBe(queueUrl());
    expect(logs).toContain('"service":"crmflow"');
    expect(logs).not.toContain('Jane');
  });

  it('fails the invocation, naming the missing variable, when the environment is incomplete', async () => {
    const { CRMFLOW_QUEUE_URL: _missing, ...incomplete } = edgeEnv();
    const { error, logs } = await invokeBundle(bundles.files.webhook, request(), incomplete);
    expect(error?.message).toMatch(/^CRMFLOW_QUEUE_URL is not set: it should hold the URL of the SQS queue/);
    expect(logs).toContain('CRMFLOW_QUEUE_URL is not set');
  });
});

describe('the router Lambda', () => {
  it('routes an SQS record and starts its workflow on the state machine of CRMFLOW_STATE_MACHINES', async () => {
    const now = Date.now();
    const event: CrmEvent = {
      id: 'evt-router-1',
      crm: 'salesforce',
      kind: 'case',
      recordId: '500A00000000002AAA',
      change: 'created',
      occurredAt: now,
      receivedAt: now,
      fields: { Status: 'New', Priority: 'High', CreatedDate: new Date(now).toISOString(), Subject: 'Jane Roe' },
      complete: true,
    };
    const batch = {
      Records: [{ messageId: 'm-1', body: JSON.stringify(event), attributes: { ApproximateReceiveCount: '1' } }],
    };
    const before = aws.calls.length;
    const routerEnv = { ...stepEnv(), CRMFLOW_STATE_MACHINES: JSON.stringify(MACHINES) };
    const { result, logs } = await invokeBundle(bundles.files.router, batch, routerEnv);

    expect(result).toEqual({ batchItemFailures: [] });
    const started = aws.calls.slice(before).filter((call) => call.operation === 'AWSStepFunctions.StartExecution');
    expect(started.map((call) => [call.body.stateMachineArn, call.body.name])).toEqual([
      [MACHINES.escalation, 'escalation-salesforce-500A00000000002AAA-v1'],
    ]);
    expect(logs).not.toContain('Jane');
  });
});

describe('the step Lambdas', () => {
  const input = { ref: { crm: 'salesforce', kind: 'order', id: '801A00000000001AAA' }, version: 1 };

  it('read the e-mail templates beside the bundle at cold start', async () => {
    const { result, error } = await invokeBundle(bundles.files['expedite-plan'], input, stepEnv());
    expect(error).toBeUndefined();
    expect(result).toBeDefined();
  });

  it('fail at cold start, naming the file, when the templates were not copied beside the bundle', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'crmflow-bare-'));
    try {
      await copyFile(bundles.files['expedite-plan'], join(bare, 'index.mjs'));
      const { error } = await invokeBundle(join(bare, 'index.mjs'), input, stepEnv());
      expect(error?.message).toMatch(/ENOENT.*templates\/email\/expedite-request\.subject\.mustache/);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });

  it('record a workflow failure in the table', async () => {
    const failure = {
      workflow: 'escalation',
      input: { ref: { crm: 'hubspot', kind: 'case', id: '9001' }, version: 3 },
      failure: { Error: 'CrmPermanentError', Cause: 'no such owner' },
    };
    const { result } = await invokeBundle(bundles.files['record-failure'], failure, { ...env });
    expect(result).toEqual({});
    const store = new DynamoStore({ client: dynamo.client, tableName: dynamo.tableName });
    expect((await store.listFailures('open')).map((entry) => entry.id)).toContain('escalation-hubspot-9001-v3');
  });
});
