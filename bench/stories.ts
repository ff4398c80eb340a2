/**
 * Typical stories on both CRMs through the local stack, driven as simulate() drives a scenario, with
 * the emulators' fault hooks used as counters: state transitions per workflow execution (the local
 * runner's log) and CRM API requests per action. A request is charged to the workflow action whose
 * audit entry is written at the same virtual instant (Plan reads + Act writes), to `router` at an
 * instant where only a webhook's event was audited, else to `other`.
 */
import type { FaultRequest } from '../lib/local/emulator/faults.ts';
import { VirtualClock } from '../lib/local/clock/index.ts';
import { hubspotScenarioCrm } from '../lib/local/scenario/hubspot-scenario-crm.ts';
import type { LoadedScenario } from '../lib/local/scenario/load-scenario.ts';
import { resolveTime } from '../lib/local/scenario/offset.ts';
import { salesforceScenarioCrm } from '../lib/local/scenario/salesforce-scenario-crm.ts';
import type { ScenarioInput } from '../lib/local/scenario/schema.ts';
import { startLocalStack } from '../lib/local/stack.ts';
import { benchConfig, loaded, OWNERS, seedPeople } from './scenarios.ts';

export type Crm = 'salesforce' | 'hubspot';
export type StoryName = 'escalated-2-tiers-then-closed' | 'closed-call-and-reminder' | 'expedited-shipped-late';
export const STORIES: readonly StoryName[] = [
  'escalated-2-tiers-then-closed',
  'closed-call-and-reminder',
  'expedited-shipped-late',
];

export interface StoryFigure {
  readonly crm: Crm;
  readonly story: StoryName;
  /** State transitions by workflow (summed over that workflow's executions). */
  readonly transitions: Record<string, number>;
  readonly totalTransitions: number;
  /** API requests charged to each `workflow:action` (and `router`, `other`). */
  readonly requests: Record<string, number>;
  /** How many times each action was audited (so requests per action = requests / count). */
  readonly actions: Record<string, number>;
  readonly failures: number;
}

type Fields = Record<string, string | boolean>;
const caseFields = (crm: Crm, priority: 'High' | 'Medium', owner: string, contact: string): Fields =>
  crm === 'salesforce'
    ? { Subject: 'Invoice shows wrong VAT', Priority: priority, Status: 'New', OwnerId: owner, ContactId: contact }
    : {
        subject: 'Invoice shows wrong VAT',
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        ...(priority === 'High' ? { hs_ticket_priority: 'HIGH' } : {}),
        hubspot_owner_id: owner,
        contactId: contact,
      };
const closed = (crm: Crm): Fields => (crm === 'salesforce' ? { Status: 'Closed' } : { hs_pipeline_stage: '4' });

export function story(crm: Crm, name: StoryName): LoadedScenario {
  const o = OWNERS[crm];
  const sf = crm === 'salesforce';
  const contact = sf ? '003000000000001AAA' : '501';
  const record = sf ? (name === 'expedited-shipped-late' ? '801000000000001AAA' : '500000000000001AAA') : '9001';
  const base = { crm, records: seedPeople(crm, [contact]) } as const;
  let input: ScenarioInput;
  if (name === 'escalated-2-tiers-then-closed') {
    // Wed 09:00 → warned 09:45, tier 1 at 10:00, warned 12:45, tier 2 at 13:00, closed 14:00.
    input = {
      ...base,
      name,
      start: '2026-12-02T09:00:00+02:00',
      until: '1d',
      events: [
        { at: '0m', create: 'case', id: record, fields: caseFields(crm, 'High', o.agent, contact) },
        { at: '5h', update: 'case', id: record, fields: closed(crm) },
      ],
    };
  } else if (name === 'closed-call-and-reminder') {
    // Mon: opened and closed; Wed 10:00 call task, never done; Thu 10:00 reminder.
    input = {
      ...base,
      name,
      start: '2026-11-30T09:00:00+02:00',
      until: '5d',
      events: [
        { at: '0m', create: 'case', id: record, fields: caseFields(crm, 'Medium', o.agent, contact) },
        { at: '2h', update: 'case', id: record, fields: closed(crm) },
      ],
    };
  } else {
    // Mon: flagged order promised Wed; ships Thu morning, after the Wed 17:00 deadline.
    const order: Fields = sf
      ? {
          OrderNumber: '00000201',
          Status: 'Activated',
          EffectiveDate: '2026-12-07',
          OwnerId: o.agent,
          ShipToContactId: contact,
          Promised_Date__c: '2026-12-09',
          Expedite__c: true,
        }
      : { hubspot_owner_id: o.agent, contactId: contact, promised_date: '2026-12-09', expedite: 'true' };
    const shipped: Fields = sf ? { Shipped_Date__c: '2026-12-10' } : { shipped_date: '2026-12-10' };
    input = {
      ...base,
      name,
      start: '2026-12-07T09:00:00+02:00',
      until: '4d',
      events: [
        { at: '0m', create: 'order', id: record, fields: order },
        { at: '2026-12-10T10:00:00+02:00', update: 'order', id: record, fields: shipped },
      ],
    };
  }
  return loaded(input, benchConfig(crm));
}

/**
 * Per virtual instant: requests go to the next workflow action audited at that instant (Plan reads,
 * Act writes), trailing ones to the last (reads of the webhooks its own writes echoed back); at an
 * instant with no workflow action, to `router`.
 */
function chargeRequests(
  log: readonly ({ at: number; request: true } | { at: number; key: string })[],
): Record<string, number> {
  const requests: Record<string, number> = {};
  const instants = [...new Set(log.map((item) => item.at))];
  for (const at of instants) {
    const items = log.filter((item) => item.at === at);
    const actionKeys = items.flatMap((item) => ('key' in item && item.key !== 'router' ? [item.key] : []));
    let waiting = 0;
    let last: string | undefined;
    for (const item of items) {
      if ('request' in item) waiting++;
      else if (item.key !== 'router') {
        bump(requests, item.key, waiting);
        waiting = 0;
        last = item.key;
      }
    }
    bump(requests, last ?? actionKeys[0] ?? 'router', waiting);
  }
  return requests;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

export async function measureStory(crm: Crm, name: StoryName): Promise<StoryFigure> {
  const { scenario, config, start, end } = story(crm, name);
  const clock = new VirtualClock(start);
  const log: ({ at: number; request: true } | { at: number; key: string })[] = [];
  const actions: Record<string, number> = {};
  const counter = (_request: FaultRequest) => {
    log.push({ at: clock.now(), request: true });
    return undefined;
  };
  const stack = await startLocalStack({
    config,
    clock,
    ...(crm === 'salesforce' ? { salesforceFaults: counter } : { hubspotFaults: counter }),
    onAudit: (_ref, entry) => {
      const workflow = entry.detail?.['workflow'];
      const action = entry.detail?.['action'];
      const key =
        typeof workflow === 'string' && typeof action === 'string'
          ? `${workflow}:${action}`
          : entry.type === 'event'
            ? 'router'
            : entry.type;
      bump(actions, key);
      log.push({ at: clock.now(), key });
    },
  });
  const problems: string[] = [];
  try {
    const emulated = crm === 'salesforce' ? stack.salesforce : stack.hubspot;
    if (!emulated) throw new Error(`no ${crm} emulator`);
    const crmView =
      crm === 'salesforce' && stack.salesforce
        ? salesforceScenarioCrm(stack.salesforce)
        : hubspotScenarioCrm(emulated as NonNullable<typeof stack.hubspot>);
    crmView.seed(scenario.records);
    const driver = (async () => {
      for (const [index, event] of scenario.events.entries()) {
        await clock.sleepUntil(resolveTime(event.at, start) ?? start, `bench events[${index}]`);
        try {
          await clock.track(Promise.resolve().then(() => crmView.apply(event)));
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    })();
    await clock.runUntil(end);
    await driver;
    const requests = chargeRequests(log);
    const transitions: Record<string, number> = {};
    let failures = problems.length + stack.queue.deadLetters.length;
    for (const execution of stack.workflows.executions()) {
      bump(transitions, execution.workflow, execution.stateTransitions);
      if (execution.status === 'failed') failures++;
    }
    const totalTransitions = Object.values(transitions).reduce((a, b) => a + b, 0);
    return { crm, story: name, transitions, totalTransitions, requests, actions, failures };
  } finally {
    await stack.close();
  }
}
