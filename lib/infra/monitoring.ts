/**
 * What an operator watches (DESIGN §9): alarms on dead letters, failed / throttled / timed-out
 * executions and Lambda errors, and one dashboard of the whole flow.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { CrmFlow } from './crm-flow.ts';
import { pascalCase } from './names.ts';
import { WORKFLOW_NAMES } from './workflows.ts';

export function createAlarms(flow: CrmFlow, topic: sns.ITopic | undefined): cloudwatch.Alarm[] {
  const alarms: cloudwatch.Alarm[] = [];
  const fiveMinutes = Duration.minutes(5);
  const add = (id: string, metric: cloudwatch.IMetric, description: string) => {
    const alarm = new cloudwatch.Alarm(flow, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    if (topic) alarm.addAlarmAction(new SnsAction(topic));
    alarms.push(alarm);
  };
  add(
    'DeadLetterQueueAlarm',
    flow.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    }),
    'crmflow: events are in the dead-letter queue — inspect them, then redrive (README, "Deploying")',
  );
  for (const name of WORKFLOW_NAMES) {
    const machine = flow.stateMachines[name];
    const pascal = pascalCase(name);
    add(
      `${pascal}FailedAlarm`,
      machine.metricFailed({ period: fiveMinutes, statistic: 'Sum' }),
      `crmflow ${name}: executions failed (a step kept failing; see crmflow failures)`,
    );
    add(
      `${pascal}ThrottledAlarm`,
      machine.metricThrottled({ period: fiveMinutes, statistic: 'Sum' }),
      `crmflow ${name}: executions throttled`,
    );
    add(
      `${pascal}TimedOutAlarm`,
      machine.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' }),
      `crmflow ${name}: executions timed out`,
    );
  }
  for (const [name, fn] of Object.entries(flow.functions)) {
    add(
      `${pascalCase(name)}ErrorsAlarm`,
      fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      `crmflow ${name} function: invocation errors`,
    );
  }
  return alarms;
}

export function createDashboard(flow: CrmFlow): cloudwatch.Dashboard {
  const fns = Object.entries(flow.functions);
  const machines = WORKFLOW_NAMES.map((name) => [name, flow.stateMachines[name]] as const);
  const dashboard = new cloudwatch.Dashboard(flow, 'Dashboard', { defaultInterval: Duration.hours(24) });
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Webhooks (HTTP API)',
      left: [
        flow.stage.metricCount({ statistic: 'Sum', label: 'requests' }),
        flow.stage.metricClientError({ statistic: 'Sum', label: '4xx (rejected)' }),
        flow.stage.metricServerError({ statistic: 'Sum', label: '5xx (not enqueued)' }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Router queue',
      left: [
        flow.queue.metricApproximateNumberOfMessagesVisible({ label: 'waiting' }),
        flow.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'dead-lettered' }),
      ],
      right: [flow.queue.metricApproximateAgeOfOldestMessage({ label: 'oldest (s)' })],
      width: 8,
    }),
    new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...flow.alarms], width: 8 }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Workflow executions started / succeeded',
      left: machines.map(([name, m]) => m.metricStarted({ statistic: 'Sum', label: `${name} started` })),
      right: machines.map(([name, m]) => m.metricSucceeded({ statistic: 'Sum', label: `${name} succeeded` })),
      width: 12,
    }),
    new cloudwatch.GraphWidget({
      title: 'Workflow executions failed / timed out / throttled',
      left: machines.flatMap(([name, m]) => [
        m.metricFailed({ statistic: 'Sum', label: `${name} failed` }),
        m.metricTimedOut({ statistic: 'Sum', label: `${name} timed out` }),
        m.metricThrottled({ statistic: 'Sum', label: `${name} throttled` }),
      ]),
      width: 12,
    }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'Lambda errors',
      left: fns.map(([name, fn]) => fn.metricErrors({ statistic: 'Sum', label: name })),
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Lambda duration (p99, ms)',
      left: fns.map(([name, fn]) => fn.metricDuration({ statistic: 'p99', label: name })),
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Lambda throttles',
      left: fns.map(([name, fn]) => fn.metricThrottles({ statistic: 'Sum', label: name })),
      width: 8,
    }),
  );
  return dashboard;
}
