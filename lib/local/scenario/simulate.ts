/**
 * Runs a loaded scenario through the whole local stack on a virtual clock: seed the CRM, make each
 * change at its moment (the emulator fires the CRM's webhooks), let crmflow work, then read what is
 * in the CRM and the outbox and check the expectations.
 */
import type { RecordRef } from '../../core/model/crm-event.ts';
import { toIso, type Instant } from '../../core/time/instant.ts';
import { VirtualClock } from '../clock/index.ts';
import { startLocalStack, type LocalStack } from '../stack.ts';
import { checkExpectations } from './expectations.ts';
import type { LoadedScenario } from './load-scenario.ts';
import { resolveTime } from './offset.ts';
import type { EmailOutput, SimulationOutput, TimelineEntry } from './output.ts';
import { hubspotScenarioCrm } from './hubspot-scenario-crm.ts';
import { salesforceScenarioCrm } from './salesforce-scenario-crm.ts';
import type { ScenarioCrm } from './scenario-crm.ts';
import type { Faults } from './schema.ts';

export async function simulate(loaded: LoadedScenario, options: { faults?: Faults } = {}): Promise<SimulationOutput> {
  const { scenario, config, start, end } = loaded;
  const faults = options.faults ?? scenario.faults;
  if (!config.crm[scenario.crm])
    throw new Error(`the scenario runs on ${scenario.crm}, but its config has no crm.${scenario.crm}`);
  const clock = new VirtualClock(start);
  // Only failed executions' histories are reported: the others' would only cost memory.
  const stack = await startLocalStack({
    config,
    clock,
    executionHistory: 'unsucceeded',
    ...(faults ? { faults } : {}),
  });
  const problems: string[] = [];
  try {
    const crm = scenarioCrm(stack, scenario.crm);
    crm.seed(scenario.records);
    const ordered = scenario.events
      .map((event, index) => ({ event, index, at: resolveTime(event.at, start) as Instant }))
      .sort((a, b) => a.at - b.at || a.index - b.index);
    const driver = (async () => {
      for (const { event, index, at } of ordered) {
        await clock.sleepUntil(at, `scenario events[${index}]`);
        try {
          await clock.track(Promise.resolve().then(() => crm.apply(event)));
        } catch (error) {
          problems.push(`events[${index}]: ${(error as Error).message}`);
        }
      }
    })();
    await clock.runUntil(end);
    await driver;
    const output = await collect(stack, crm, loaded);
    if (faults && Object.keys(faults).some((key) => key !== 'seed'))
      output.injectedFaults = { ...stack.injectedFaults };
    output.failures.push(...problems, ...checkExpectations(scenario.expect, output));
    output.passed = output.failures.length === 0;
    return output;
  } finally {
    await stack.close();
  }
}

async function collect(stack: LocalStack, crm: ScenarioCrm, loaded: LoadedScenario): Promise<SimulationOutput> {
  const tasks = crm.tasks();
  const notes = crm.notes();
  const emails: EmailOutput[] = stack.outbox.sent.map((mail) => ({
    at: toIso(mail.at),
    to: mail.to,
    subject: mail.subject,
    body: mail.text,
  }));
  const records: Record<string, Record<string, unknown>> = {};
  const timeline: TimelineEntry[] = [];
  for (const { kind, id, fields } of crm.records()) {
    records[id] = fields;
    const ref: RecordRef = { crm: loaded.scenario.crm, kind, id };
    for (const entry of await stack.store.listAudit(ref)) {
      timeline.push({
        at: toIso(entry.at),
        workflow:
          typeof entry.detail?.['workflow'] === 'string'
            ? entry.detail['workflow']
            : entry.type === 'event'
              ? 'router'
              : entry.type,
        record: id,
        action: typeof entry.detail?.['action'] === 'string' ? entry.detail['action'] : entry.type,
        detail: { summary: entry.summary, ...(entry.detail ?? {}) },
      });
    }
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  for (const execution of stack.workflows.executions()) {
    if (execution.status === 'failed') {
      timeline.push({
        at: toIso(execution.stoppedAt ?? loaded.end),
        workflow: execution.workflow,
        record: execution.name,
        action: 'failed',
        detail: { error: execution.error, cause: execution.cause },
      });
    }
  }
  const failures = stack.queue.deadLetters.map(
    (letter) => `event ${letter.event.id} was dead-lettered: ${letter.error}`,
  );
  return {
    name: loaded.scenario.name,
    start: toIso(loaded.start),
    end: toIso(loaded.end),
    passed: false,
    timeline,
    tasks,
    records,
    notes,
    emails,
    failures,
  };
}

function scenarioCrm(stack: LocalStack, crm: 'salesforce' | 'hubspot'): ScenarioCrm {
  if (crm === 'salesforce' && stack.salesforce) return salesforceScenarioCrm(stack.salesforce);
  if (crm === 'hubspot' && stack.hubspot) return hubspotScenarioCrm(stack.hubspot);
  throw new Error(`scenarios on ${crm} are not supported by this build yet`);
}
