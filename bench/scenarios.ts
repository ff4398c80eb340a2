/** The configs and scenario plumbing the simulation and story benchmarks share, built in code. */
import { validateConfig, type Config } from '../lib/core/config/index.ts';
import type { LoadedScenario } from '../lib/local/scenario/load-scenario.ts';
import { resolveTime } from '../lib/local/scenario/offset.ts';
import { scenarioSchema, type ScenarioInput } from '../lib/local/scenario/schema.ts';

type Crm = 'salesforce' | 'hubspot';

const CALENDAR = {
  timezone: 'Europe/Helsinki',
  hours: {
    mon: ['08:00-17:00'],
    tue: ['08:00-17:00'],
    wed: ['08:00-17:00'],
    thu: ['08:00-17:00'],
    fri: ['08:00-16:00'],
  },
  holidays: { country: 'FI' },
};

/** Owner ids per CRM: agent, senior rep, specialist, fulfilment, supervisor. */
export const OWNERS = {
  salesforce: {
    agent: '005000000000001AAA',
    senior: '005000000000002AAA',
    specialist: '005000000000003AAA',
    fulfilment: '005000000000007AAA',
    supervisor: '005000000000009AAA',
  },
  hubspot: { agent: '101', senior: '102', specialist: '103', fulfilment: '107', supervisor: '109' },
} as const;

/** Escalation (3 tiers, warnings) + follow-up after close and after delivery + flagged-order expediting. */
export function benchConfig(crm: Crm): Config {
  const o = OWNERS[crm];
  const target = (id: string, email?: string) => ({ [crm]: id, ...(email ? { email } : {}) });
  const result = validateConfig({
    calendars: { 'support-fi': CALENDAR },
    crm: crm === 'salesforce' ? { salesforce: { orgId: '00D000000000001AAA' } } : { hubspot: { portalId: '1234567' } },
    targets: {
      'senior-reps': target(o.senior, 'senior-reps@example.com'),
      specialists: target(o.specialist),
      supervisor: target(o.supervisor, 'supervisor@example.com'),
      fulfilment: target(o.fulfilment, 'fulfilment@example.com'),
    },
    escalation: [
      {
        name: 'high-priority',
        when: { priority: ['urgent', 'high'] },
        calendar: 'support-fi',
        pauseWhile: ['waiting'],
        warnBefore: '15m',
        tiers: [
          { after: '1h', assignTo: 'senior-reps', notify: ['supervisor'] },
          { after: '4h', assignTo: 'specialists' },
          { after: '8h', assignTo: 'supervisor', notify: ['supervisor', 'owner'] },
        ],
      },
    ],
    followUp: [
      {
        name: 'after-case-closed',
        on: 'case.closed',
        calendar: 'support-fi',
        after: '2d',
        at: '10:00',
        assignTo: 'owner',
        fallback: 'supervisor',
        skipIf: { reopened: true, optedOut: true, contactedWithin: '14d' },
        remindAfter: '1d',
        remindTo: 'supervisor',
      },
      {
        name: 'after-delivery',
        on: 'order.delivered',
        calendar: 'support-fi',
        after: '1d',
        at: '11:00',
        assignTo: 'owner',
        fallback: 'supervisor',
      },
    ],
    expedite: [
      {
        name: 'flagged-orders',
        when: { expedite: true },
        calendar: 'support-fi',
        assignTo: 'fulfilment',
        escalateTo: 'supervisor',
        notifyCustomerOnDelay: true,
      },
    ],
  });
  if (!result.ok) throw new Error(`bench config: ${JSON.stringify(result.problems)}`);
  return result.config;
}

/** A scenario object as loadScenario would return it, without a file. */
export function loaded(input: ScenarioInput, config: Config): LoadedScenario {
  const scenario = scenarioSchema.parse(input);
  const start = resolveTime(scenario.start, 0);
  if (start === undefined) throw new Error(`bad start ${scenario.start}`);
  const end = resolveTime(scenario.until, start);
  if (end === undefined) throw new Error(`bad until ${scenario.until}`);
  return { file: `<bench:${scenario.name}>`, scenario, config, start, end };
}

/** Owners and a contact, as both CRMs' scenarios seed them. */
export function seedPeople(crm: Crm, contacts: readonly string[]): ScenarioInput['records'] {
  type Fields = Record<string, string>;
  const o = OWNERS[crm];
  const owners = Object.entries(o).map(([name, id]) => ({
    type: 'owner' as const,
    id,
    fields: { name, email: `${name}@example.com` },
  }));
  const people = contacts.map((id, i) => ({
    type: 'contact' as const,
    id,
    fields: (crm === 'salesforce'
      ? { FirstName: 'Maija', LastName: `Virtanen${i}`, Email: `c${i}@example.com`, Phone: '+358401234567' }
      : { firstname: 'Maija', lastname: `Virtanen${i}`, email: `c${i}@example.com` }) as Fields,
  }));
  return [...owners, ...people];
}
