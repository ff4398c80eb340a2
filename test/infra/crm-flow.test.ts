/**
 * The CrmFlow construct's resources, as CloudFormation sees them (DESIGN §9): one assertion group
 * per resource kind, the environment of each function (the contract with functions/), the IAM
 * statements of every role, and the state machines' substitutions resolving to the right functions.
 * Bundling is skipped here (fixture.ts); bundles.test.ts bundles for real.
 */
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE } from '../../lib/aws/store/table.ts';
import { WEBHOOK_ROUTES } from '../../lib/infra/crm-flow.ts';
import { FUNCTION_NAMES, FUNCTION_SPECS, type CrmFlowFunctionName } from '../../lib/infra/functions.ts';
import { WORKFLOW_NAMES } from '../../lib/infra/workflows.ts';
import {
  actionsOf,
  arnTo,
  must,
  propsOf,
  refTo,
  resourceOf,
  buildStack,
  logicalId,
  MAIL_FROM,
  resourcesOf,
  roleStatements,
  ROOT,
  rootConfig,
  SKIP_REASON,
  type Built,
  type Statement,
} from './support/fixture.ts';

describe.skipIf(SKIP_REASON !== '')(`CrmFlow${SKIP_REASON}`, () => {
  let built: Built;
  const fnProps = (name: CrmFlowFunctionName) => propsOf(built, built.stack.crmFlow.functions[name]);
  const envOf = (name: CrmFlowFunctionName) => fnProps(name)['Environment'].Variables as Record<string, unknown>;

  beforeAll(() => {
    built = buildStack();
  });

  describe('DynamoDB table', () => {
    it('has the store key schema, on-demand billing, TTL, PITR, encryption and deletion protection', () => {
      built.template.resourceCountIs('AWS::DynamoDB::Table', 1);
      built.template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: TABLE.partitionKey.name, AttributeType: 'S' },
          { AttributeName: TABLE.sortKey.name, AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      });
    });

    it('is retained when it leaves the stack', () => {
      built.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });

    it('can be made disposable, deletion protection off with it', () => {
      const disposable = buildStack({ removalPolicy: RemovalPolicy.DESTROY });
      disposable.template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Delete',
        Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      });
    });
  });

  describe('SQS', () => {
    it('queue: SSE, dead-letters after 5 receives, visibility six times the router timeout', () => {
      const { queue, deadLetterQueue } = built.stack.crmFlow;
      built.template.resourceCountIs('AWS::SQS::Queue', 2);
      built.template.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        VisibilityTimeout: FUNCTION_SPECS.router.timeoutSeconds * 6,
        RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: arnTo(deadLetterQueue) },
      });
      expect(resourceOf(built, queue)?.Properties?.['SqsManagedSseEnabled']).toBe(true);
    });

    it('dead-letter queue: SSE, kept 14 days', () => {
      expect(resourceOf(built, built.stack.crmFlow.deadLetterQueue)).toMatchObject({
        Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 },
      });
    });

    it('both refuse requests without TLS', () => {
      const policies = built.template.findResources('AWS::SQS::QueuePolicy');
      expect(Object.keys(policies)).toHaveLength(2);
      for (const policy of Object.values(policies)) {
        expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        );
      }
    });

    it('feeds the router, which reports partial batch failures', () => {
      built.template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
      built.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: arnTo(built.stack.crmFlow.queue),
        FunctionName: refTo(built.stack.crmFlow.functions.router),
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: 10,
      });
    });
  });

  describe('HTTP API', () => {
    it('routes the four webhook paths, POST only, to the edge Lambda', () => {
      built.template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
      built.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
      const routes = Object.values(built.template.findResources('AWS::ApiGatewayV2::Route'));
      expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
        WEBHOOK_ROUTES.map((path) => `POST ${path}`).sort(),
      );
      expect(WEBHOOK_ROUTES).toEqual([
        '/webhooks/salesforce/outbound/{token}',
        '/webhooks/salesforce/events',
        '/webhooks/hubspot',
        '/webhooks/hubspot/workflow/{object}',
      ]);
      built.template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
      built.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: arnTo(built.stack.crmFlow.functions.webhook),
      });
    });

    it('throttles its stage (50 rps, burst 100 by default) and can be told otherwise', () => {
      built.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      });
      const custom = buildStack({ throttle: { rateLimit: 5, burstLimit: 10 } });
      custom.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      });
    });

    it('writes JSON access logs that never contain the request path (it carries the path token)', () => {
      const stage = Object.values(built.template.findResources('AWS::ApiGatewayV2::Stage'))[0];
      const settings = stage?.Properties.AccessLogSettings;
      expect(settings.DestinationArn).toEqual(arnTo(built.stack.crmFlow.accessLogGroup));
      const format = JSON.parse(settings.Format) as Record<string, string>;
      expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey' });
      expect(settings.Format).not.toMatch(/\$context\.(path|resourcePath)\b/);
    });

    it('outputs its URL (and, for crmflow failures, the table and state machines: outputs.test.ts)', () => {
      expect(Object.keys(built.json.Outputs ?? {})).toEqual(['ApiUrl', 'TableName', 'StateMachines']);
      built.template.hasOutput('ApiUrl', { Value: built.stack.resolve(built.stack.crmFlow.url) });
      expect(JSON.stringify(built.json.Outputs)).toContain(JSON.stringify(refTo(built.stack.crmFlow.httpApi)));
    });
  });

  describe('Lambda functions', () => {
    it('are the nine of the contract', () => {
      built.template.resourceCountIs('AWS::Lambda::Function', 9);
      expect(Object.keys(built.stack.crmFlow.functions).sort()).toEqual([...FUNCTION_NAMES].sort());
    });

    it.each(FUNCTION_NAMES)('%s: Node 24 on arm64, ESM handler, sized, traced, logging to its own group', (name) => {
      const spec = FUNCTION_SPECS[name];
      const props = fnProps(name);
      expect(props).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: spec.memorySize,
        Timeout: spec.timeoutSeconds,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
      });
      const logGroupId = (props['LoggingConfig'].LogGroup as { Ref: string }).Ref;
      expect(built.json.Resources[logGroupId]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    });

    it('step timeouts stay below their Task TimeoutSeconds, so Lambda times out first', () => {
      for (const name of WORKFLOW_NAMES) {
        const asl = JSON.parse(readFileSync(join(ROOT, 'workflows', `${name}.asl.json`), 'utf8')) as {
          States: Record<string, { Type: string; Resource?: string; TimeoutSeconds?: number }>;
        };
        const machine = built.stack.crmFlow.stateMachines[name];
        const substitutions = propsOf(built, machine)['DefinitionSubstitutions'] as Record<
          string,
          { 'Fn::GetAtt': [string, string] }
        >;
        for (const state of Object.values(asl.States).filter((candidate) => candidate.Type === 'Task')) {
          const placeholder = /^\$\{(\w+)\}$/.exec(state.Resource ?? '')?.[1] ?? '';
          const fnId = substitutions[placeholder]?.['Fn::GetAtt'][0] ?? '';
          const timeout = built.json.Resources[fnId]?.Properties?.['Timeout'] as number;
          expect(timeout).toBeLessThan(state.TimeoutSeconds ?? 0);
        }
      }
    });

    const COMMON = {
      CRMFLOW_TABLE_NAME: 'table',
      POWERTOOLS_SERVICE_NAME: 'crmflow',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    };
    const expectCommon = (name: CrmFlowFunctionName) =>
      expect(envOf(name)).toMatchObject({
        ...COMMON,
        CRMFLOW_TABLE_NAME: refTo(built.stack.crmFlow.table),
      });

    it('all get the table name and Powertools settings', () => {
      for (const name of FUNCTION_NAMES) expectCommon(name);
    });

    it('edge: queue URL, edge secret ARN, the API URL as public base — and nothing of the CRMs', () => {
      const { crmFlow } = built.stack;
      expect(envOf('webhook')).toEqual({
        ...COMMON,
        CRMFLOW_TABLE_NAME: refTo(crmFlow.table),
        CRMFLOW_QUEUE_URL: refTo(crmFlow.queue),
        CRMFLOW_EDGE_SECRET_ARN: refTo(crmFlow.secrets.edge),
        CRMFLOW_PUBLIC_BASE_URL: built.stack.resolve(crmFlow.url),
      });
    });

    it('router: the three state machines as JSON, the CRM secrets', () => {
      const { crmFlow } = built.stack;
      const env = envOf('router');
      expect(Object.keys(env).sort()).toEqual(
        [
          ...Object.keys(COMMON),
          'CRMFLOW_STATE_MACHINES',
          'CRMFLOW_SALESFORCE_SECRET_ARN',
          'CRMFLOW_HUBSPOT_SECRET_ARN',
        ].sort(),
      );
      expect(env['CRMFLOW_SALESFORCE_SECRET_ARN']).toEqual(
        refTo(must(crmFlow.secrets.salesforce, 'a Salesforce secret')),
      );
      expect(env['CRMFLOW_HUBSPOT_SECRET_ARN']).toEqual(refTo(must(crmFlow.secrets.hubspot, 'a HubSpot secret')));
      // {"escalation":"<arn>","follow-up":"<arn>","expedite":"<arn>"}, each ARN a Ref to its machine.
      const parts = (env['CRMFLOW_STATE_MACHINES'] as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const machineRefs = parts.filter((part) => typeof part === 'object');
      expect(machineRefs).toEqual(WORKFLOW_NAMES.map((name) => refTo(crmFlow.stateMachines[name])));
      const text = parts.map((part) => (typeof part === 'string' ? part : 'ARN')).join('');
      expect(JSON.parse(text)).toEqual({ escalation: 'ARN', 'follow-up': 'ARN', expedite: 'ARN' });
    });

    it.each(['escalationPlan', 'escalationAct', 'followUpPlan', 'followUpAct', 'expeditePlan', 'expediteAct'] as const)(
      'step %s: CRM secrets and CRMFLOW_MAIL_FROM',
      (name) => {
        const { crmFlow } = built.stack;
        expect(envOf(name)).toEqual({
          ...COMMON,
          CRMFLOW_TABLE_NAME: refTo(crmFlow.table),
          CRMFLOW_SALESFORCE_SECRET_ARN: refTo(must(crmFlow.secrets.salesforce, 'a Salesforce secret')),
          CRMFLOW_HUBSPOT_SECRET_ARN: refTo(must(crmFlow.secrets.hubspot, 'a HubSpot secret')),
          CRMFLOW_MAIL_FROM: MAIL_FROM,
        });
      },
    );

    it('recordFailure: the table only', () => {
      expect(Object.keys(envOf('recordFailure')).sort()).toEqual(Object.keys(COMMON).sort());
    });

    it('a CRM the config lacks gets no secret and no variable', () => {
      const config = rootConfig();
      const hubspotOnly = buildStack({ config: { ...config, crm: { hubspot: config.crm.hubspot } } });
      expect(hubspotOnly.stack.crmFlow.secrets.salesforce).toBeUndefined();
      hubspotOnly.template.resourceCountIs('AWS::SecretsManager::Secret', 2);
      const routerEnv = propsOf(hubspotOnly, hubspotOnly.stack.crmFlow.functions.router)['Environment']
        .Variables as Record<string, unknown>;
      expect(routerEnv).not.toHaveProperty('CRMFLOW_SALESFORCE_SECRET_ARN');
      expect(routerEnv).toHaveProperty('CRMFLOW_HUBSPOT_SECRET_ARN');
    });

    it('mailFrom may carry a display name; SES is authorised for its address', () => {
      const named = buildStack({ mailFrom: 'Acme Support <support@acme.test>' });
      const act = named.stack.crmFlow.functions.escalationAct;
      const env = propsOf(named, act)['Environment'].Variables;
      expect(env.CRMFLOW_MAIL_FROM).toBe('Acme Support <support@acme.test>');
      const ses = roleStatements(named, act.role).find((statement) => actionsOf(statement).includes('ses:SendEmail'));
      expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'support@acme.test' } });
    });
  });

  describe('IAM: least privilege per function', () => {
    const statementsOf = (name: CrmFlowFunctionName) => roleStatements(built, built.stack.crmFlow.functions[name].role);
    /** Each statement as "actions → resources", resources as logical ids. */
    const summary = (statements: Statement[]) =>
      statements.map((statement) => ({
        actions: actionsOf(statement).sort(),
        resources: resourcesOf(statement).map((resource) => describeResource(resource)),
      }));

    it('no role has a wildcard action, and only X-Ray has a "*" resource', () => {
      const roles = built.template.findResources('AWS::IAM::Policy');
      for (const policy of Object.values(roles)) {
        for (const statement of policy.Properties.PolicyDocument.Statement as Statement[]) {
          for (const action of actionsOf(statement)) expect(action).not.toContain('*');
        }
      }
      for (const name of FUNCTION_NAMES) {
        for (const statement of statementsOf(name)) {
          if (resourcesOf(statement).includes('*')) {
            expect(actionsOf(statement).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
          }
        }
      }
    });

    it('no role has a managed policy (no AWSLambdaBasicExecutionRole)', () => {
      for (const role of Object.values(built.template.findResources('AWS::IAM::Role'))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    const LOGS = (name: CrmFlowFunctionName) => ({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`${name}-log-group`],
    });
    const XRAY = { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] };
    const TABLE_RW = [
      {
        actions: [
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DeleteItem',
          'dynamodb:DescribeTable',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:UpdateItem',
        ],
        resources: ['table'],
      },
      { actions: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: ['table'] },
    ];
    const READ = (secret: string) => ({
      actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
      resources: [secret],
    });
    const CRM_SECRETS = [READ('salesforce-secret'), READ('hubspot-secret')];
    const SES = {
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: ['ses:identity/acme.test', `ses:identity/${MAIL_FROM}`],
    };

    it('edge: send to the queue, read the edge secret — no table, no CRM secret', () => {
      expect(summary(statementsOf('webhook'))).toEqual([
        LOGS('webhook'),
        XRAY,
        { actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], resources: ['queue'] },
        READ('edge-secret'),
      ]);
    });

    it('router: table, consume the queue, CRM secrets, StartExecution on exactly the three machines', () => {
      expect(summary(statementsOf('router'))).toEqual([
        LOGS('router'),
        XRAY,
        ...TABLE_RW,
        ...CRM_SECRETS,
        ...WORKFLOW_NAMES.map((name) => ({ actions: ['states:StartExecution'], resources: [`${name}-machine`] })),
        {
          actions: [
            'sqs:ChangeMessageVisibility',
            'sqs:DeleteMessage',
            'sqs:GetQueueAttributes',
            'sqs:GetQueueUrl',
            'sqs:ReceiveMessage',
          ],
          resources: ['queue'],
        },
      ]);
    });

    it.each(['escalationPlan', 'followUpPlan', 'expeditePlan'] as const)(
      'plan %s: table and CRM secrets, no mail',
      (name) => {
        expect(summary(statementsOf(name))).toEqual([LOGS(name), XRAY, ...TABLE_RW, ...CRM_SECRETS]);
      },
    );

    it.each(['escalationAct', 'followUpAct', 'expediteAct'] as const)(
      'act %s: table, CRM secrets, SES from mailFrom only',
      (name) => {
        expect(summary(statementsOf(name))).toEqual([LOGS(name), XRAY, ...TABLE_RW, ...CRM_SECRETS, SES]);
        const ses = statementsOf(name).find((statement) => actionsOf(statement).includes('ses:SendEmail'));
        expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': MAIL_FROM } });
      },
    );

    it('recordFailure: the table only', () => {
      expect(summary(statementsOf('recordFailure'))).toEqual([LOGS('recordFailure'), XRAY, ...TABLE_RW]);
    });

    it.each(WORKFLOW_NAMES)('%s state machine: invokes exactly its own three functions', (name) => {
      const machine = built.stack.crmFlow.stateMachines[name];
      const invoke = roleStatements(built, machine.role).filter((statement) =>
        actionsOf(statement).includes('lambda:InvokeFunction'),
      );
      const own = { escalation: 'escalation', 'follow-up': 'followUp', expedite: 'expedite' }[name];
      expect(summary(invoke)).toEqual([
        {
          actions: ['lambda:InvokeFunction'],
          resources: [`${own}Plan-function`, `${own}Act-function`, 'recordFailure-function'],
        },
      ]);
    });

    function describeResource(resource: unknown): string {
      if (resource === '*') return '*';
      const { crmFlow } = built.stack;
      const named: (readonly [string, Parameters<typeof logicalId>[0]])[] = [
        ['table', crmFlow.table],
        ['queue', crmFlow.queue],
        ['edge-secret', crmFlow.secrets.edge],
        ['salesforce-secret', must(crmFlow.secrets.salesforce, 'a Salesforce secret')],
        ['hubspot-secret', must(crmFlow.secrets.hubspot, 'a HubSpot secret')],
        ...WORKFLOW_NAMES.map((name) => [`${name}-machine`, crmFlow.stateMachines[name]] as const),
        ...FUNCTION_NAMES.map((name) => [`${name}-function`, crmFlow.functions[name]] as const),
        ...FUNCTION_NAMES.map((name) => [`${name}-log-group`, crmFlow.functions[name].logGroup] as const),
      ];
      for (const [label, element] of named) {
        const id = logicalId(element);
        if (JSON.stringify(resource) === JSON.stringify({ Ref: id })) return label;
        if (JSON.stringify(resource) === JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] })) return label;
      }
      const text = JSON.stringify(resource);
      const identity = /:identity\/([^"]+)"/.exec(text)?.[1];
      if (identity && text.includes('":ses:"')) return `ses:identity/${identity}`;
      return text;
    }
  });

  describe('Step Functions', () => {
    it.each(WORKFLOW_NAMES)(
      '%s: Standard, the ASL file as written, placeholders → the right functions, all logs, X-Ray',
      (name) => {
        const machine = built.stack.crmFlow.stateMachines[name];
        const props = propsOf(built, machine);
        const fileText = readFileSync(join(ROOT, 'workflows', `${name}.asl.json`), 'utf8');
        expect(props['StateMachineType']).toBe('STANDARD');
        expect(props['DefinitionString']).toBe(fileText);
        const own = { escalation: 'Escalation', 'follow-up': 'FollowUp', expedite: 'Expedite' }[name];
        const fn = (fnName: CrmFlowFunctionName) => arnTo(built.stack.crmFlow.functions[fnName]);
        const lower = (own.charAt(0).toLowerCase() + own.slice(1)) as 'escalation' | 'followUp' | 'expedite';
        expect(props['DefinitionSubstitutions']).toEqual({
          [`${own}PlanFunctionArn`]: fn(`${lower}Plan`),
          [`${own}ActFunctionArn`]: fn(`${lower}Act`),
          RecordFailureFunctionArn: fn('recordFailure'),
        });
        // Every ${…} in the file has a substitution, so the deployed definition has none left.
        for (const [, placeholder] of fileText.matchAll(/\$\{(\w+)\}/g)) {
          expect(props['DefinitionSubstitutions']).toHaveProperty(must(placeholder, 'a placeholder'));
        }
        expect(props['LoggingConfiguration']).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
        expect(props['TracingConfiguration']).toEqual({ Enabled: true });
        const logGroupArn = props['LoggingConfiguration'].Destinations[0].CloudWatchLogsLogGroup.LogGroupArn;
        expect(built.json.Resources[logGroupArn['Fn::GetAtt'][0]]).toMatchObject({
          Properties: { RetentionInDays: 30 },
        });
      },
    );
  });

  describe('Secrets Manager', () => {
    it('edge: Secrets Manager generates the path token; no value in the template', () => {
      const edge = resourceOf(built, built.stack.crmFlow.secrets.edge);
      expect(edge.Properties).not.toHaveProperty('SecretString');
      expect(edge.Properties?.['GenerateSecretString']).toEqual({
        SecretStringTemplate: '{}',
        GenerateStringKey: 'salesforcePathToken',
        PasswordLength: 48,
        ExcludePunctuation: true,
        IncludeSpace: false,
      });
    });

    it('CRM secrets: created with no value at all', () => {
      for (const secret of [
        must(built.stack.crmFlow.secrets.salesforce, 'a Salesforce secret'),
        must(built.stack.crmFlow.secrets.hubspot, 'a HubSpot secret'),
      ]) {
        const props = propsOf(built, secret);
        expect(props).not.toHaveProperty('SecretString');
        expect(props).not.toHaveProperty('GenerateSecretString');
        expect(props['Description']).toMatch(/crmflow (Salesforce|HubSpot) API credentials/);
      }
    });

    it('existing secrets are used as given, and none is created', () => {
      const arns = {
        edge: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:crmflow/edge-AbCdEf',
        salesforce: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:crmflow/salesforce-GhIjKl',
        hubspot: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:crmflow/hubspot-MnOpQr',
      };
      const existing = buildStack({ existingSecrets: arns });
      existing.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
      const { functions } = existing.stack.crmFlow;
      const env = (name: CrmFlowFunctionName) => propsOf(existing, functions[name])['Environment'].Variables;
      expect(env('webhook').CRMFLOW_EDGE_SECRET_ARN).toBe(arns.edge);
      expect(env('router')).toMatchObject({
        CRMFLOW_SALESFORCE_SECRET_ARN: arns.salesforce,
        CRMFLOW_HUBSPOT_SECRET_ARN: arns.hubspot,
      });
      const reads = roleStatements(existing, functions.router.role).filter((statement) =>
        actionsOf(statement).includes('secretsmanager:GetSecretValue'),
      );
      expect(reads.map((statement) => statement.Resource)).toEqual([arns.salesforce, arns.hubspot]);
    });
  });

  describe('alarms and dashboard', () => {
    it('DLQ depth ≥ 1, failed / throttled / timed-out executions per machine, errors per function', () => {
      built.template.resourceCountIs('AWS::CloudWatch::Alarm', 1 + 3 * 3 + 9);
      expect(built.stack.crmFlow.alarms).toHaveLength(19);
      built.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.anyValue(), 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
      for (const name of WORKFLOW_NAMES) {
        for (const metric of ['ExecutionsFailed', 'ExecutionThrottled', 'ExecutionsTimedOut']) {
          built.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
            Namespace: 'AWS/States',
            MetricName: metric,
            Dimensions: [{ Name: 'StateMachineArn', Value: refTo(built.stack.crmFlow.stateMachines[name]) }],
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          });
        }
      }
      for (const name of FUNCTION_NAMES) {
        built.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: 'Errors',
          Dimensions: [{ Name: 'FunctionName', Value: refTo(built.stack.crmFlow.functions[name]) }],
          Threshold: 1,
        });
      }
    });

    it('notify the alarm topic when one is given, and have no action otherwise', () => {
      for (const alarm of Object.values(built.template.findResources('AWS::CloudWatch::Alarm'))) {
        expect(alarm.Properties.AlarmActions).toBeUndefined();
      }
      const topicArn = 'arn:aws:sns:eu-west-1:111122223333:ops-alarms';
      const alarmTopic = Topic.fromTopicArn(new Stack(new App(), 'Ops'), 'OpsAlarms', topicArn);
      const withTopic = buildStack({ alarmTopic });
      for (const alarm of Object.values(withTopic.template.findResources('AWS::CloudWatch::Alarm'))) {
        expect(alarm.Properties.AlarmActions).toEqual([topicArn]);
      }
    });

    it('has a dashboard', () => {
      built.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      const body = JSON.stringify(resourceOf(built, built.stack.crmFlow.dashboard));
      for (const title of ['Webhooks (HTTP API)', 'Router queue', 'Alarms', 'Lambda errors']) {
        expect(body).toContain(title);
      }
    });
  });

  describe('Salesforce Event Relay', () => {
    it('has no rule unless configured', () => {
      built.template.resourceCountIs('AWS::Events::Rule', 0);
      expect(built.stack.crmFlow.eventRelayRule).toBeUndefined();
    });

    it('forwards the partner bus to the router queue, undeliverable events to the DLQ', () => {
      const bus = 'aws.partner/salesforce.com/00D000000000001AAA/0YLxx0000000001';
      const relay = buildStack({ eventRelay: { eventBusName: bus } });
      const { queue, deadLetterQueue } = relay.stack.crmFlow;
      const queueArn = { 'Fn::GetAtt': [logicalId(queue), 'Arn'] };
      relay.template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: bus,
        EventPattern: { source: [{ prefix: 'aws.partner/salesforce.com' }] },
        Targets: [
          Match.objectLike({
            Arn: queueArn,
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(deadLetterQueue), 'Arn'] } },
          }),
        ],
      });
      relay.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
            }),
          ]),
        },
      });
    });
  });
});
