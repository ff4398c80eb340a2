/**
 * cdk-nag's AwsSolutions and Serverless packs: zero unacknowledged findings (errors and warnings),
 * every acknowledgement made next to the resource it concerns with a specific reason, and none
 * left over from a finding that no longer exists. Then the app as lib/app.ts builds it, with the
 * packs registered through Validations: synth passes and the annotations hold no error or warning.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCrmFlowChecks } from '../../lib/infra/checks.ts';
import { createCrmFlowStack } from '../../lib/infra/crm-flow-stack.ts';
import {
  acknowledgements,
  buildStack,
  CONFIG_PATH,
  MAIL_FROM,
  nagFindings,
  rootConfig,
  SKIP_REASON,
  type Acknowledgement,
  type Finding,
} from './support/fixture.ts';

/** What is acknowledged, and how often: a change here is a security review item. */
const EXPECTED_ACKNOWLEDGEMENTS = {
  // X-Ray's write actions (and Step Functions' log-delivery actions) take no resource ARN.
  'AwsSolutions-IAM5[Resource::*]': 12, // 9 function roles + 3 state machine roles
  // CRM webhooks cannot carry IAM/JWT auth; the edge verifies signatures / tokens itself.
  'AwsSolutions-APIG4': 1,
  // CRM-issued credentials: only the CRM can mint new ones.
  'AwsSolutions-SMG4': 3,
  // Synchronous-only functions: an async DLQ would never receive anything.
  'Serverless-LambdaDLQ': 9,
  // SQS event source mappings take no OnFailure destination; the queue's own DLQ does that job.
  'Serverless-LambdaEventSourceMappingDestination': 1,
  // The DLQ is the end of the line.
  'Serverless-SQSRedrivePolicy': 1,
};

const describeFinding = (finding: Finding) => `${finding.severity} ${finding.rule} at ${finding.path}`;

function expectNoFindings(scope: Stack) {
  expect(nagFindings(scope).map(describeFinding)).toEqual([]);
}

function expectNoStaleAcknowledgements(scope: Stack, acks: Acknowledgement[]) {
  const raw = nagFindings(scope, true);
  const stale = acks.filter(
    (ack) => !raw.some((finding) => finding.rule === ack.id && `${finding.path}/`.startsWith(`${ack.path}/`)),
  );
  expect(stale.map((ack) => `${ack.id} at ${ack.path}`)).toEqual([]);
}

describe.skipIf(SKIP_REASON !== '')(`cdk-nag${SKIP_REASON}`, () => {
  const built = buildStack();
  const acks = acknowledgements(built.stack);

  it('AwsSolutions and Serverless find nothing unacknowledged (errors or warnings)', () => {
    expectNoFindings(built.stack);
  });

  it('the raw findings are exactly the acknowledged ones', () => {
    const raw = nagFindings(built.stack, true);
    const counts: Record<string, number> = {};
    for (const finding of raw) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
    // APIG4 is one finding per route (4), acknowledged once on the API.
    expect(counts).toEqual({ ...EXPECTED_ACKNOWLEDGEMENTS, 'AwsSolutions-APIG4': 4 });
  });

  it('acknowledges only these rules, this many times', () => {
    const counts: Record<string, number> = {};
    for (const ack of acks) counts[ack.id] = (counts[ack.id] ?? 0) + 1;
    expect(counts).toEqual(EXPECTED_ACKNOWLEDGEMENTS);
  });

  it('has no acknowledgement without a finding it covers', () => {
    expectNoStaleAcknowledgements(built.stack, acks);
  });

  it('gives every acknowledgement a specific reason, in the construct code', () => {
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(80);
    }
    const source = readFileSync(join(import.meta.dirname, '../../lib/infra/crm-flow.ts'), 'utf8');
    for (const id of Object.keys(EXPECTED_ACKNOWLEDGEMENTS)) expect(source).toContain(`'${id}'`);
  });

  it('stays clean with every option on: Event Relay, existing secrets, an alarm topic, one CRM', () => {
    const config = rootConfig();
    const variant = buildStack(
      {
        config: { ...config, crm: { salesforce: config.crm.salesforce } },
        eventRelay: { eventBusName: 'aws.partner/salesforce.com/00D000000000001AAA/0YLxx0000000001' },
        existingSecrets: { edge: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:crmflow/edge-AbCdEf' },
        alarmTopic: Topic.fromTopicArn(new Stack(new App(), 'Ops'), 'Ops', 'arn:aws:sns:eu-west-1:111122223333:ops'),
      },
      'CrmFlowVariant',
    );
    expectNoFindings(variant.stack);
    expectNoStaleAcknowledgements(variant.stack, acknowledgements(variant.stack));
  });
});

describe.skipIf(SKIP_REASON !== '')(`the app with cdk-nag registered through Validations${SKIP_REASON}`, () => {
  it('synthesizes: no validation failure, no annotation error or warning', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], mailFrom: MAIL_FROM } });
    const stack = createCrmFlowStack(app, { configPath: CONFIG_PATH });
    addCrmFlowChecks(app);
    const assembly = app.synth(); // throws ValidationFailed on an unacknowledged error
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations?: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('fails synth on an unacknowledged error (the packs really run)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], mailFrom: MAIL_FROM } });
    const stack = createCrmFlowStack(app, { configPath: CONFIG_PATH });
    new Queue(stack, 'Careless', { encryption: QueueEncryption.UNENCRYPTED });
    addCrmFlowChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS/);
  });

  it('warns when no mailFrom is given (the default cannot send)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = createCrmFlowStack(app, { configPath: CONFIG_PATH });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('no -c mailFrom'));
    expect(warnings).toHaveLength(1);
  });
});
