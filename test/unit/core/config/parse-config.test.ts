import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatPath,
  formatProblem,
  parseConfigText,
  validateConfig,
  type ConfigProblem,
} from '../../../../lib/core/config/index.ts';

const example = readFileSync(new URL('../../../../crmflow.config.yaml', import.meta.url), 'utf8');

/** A minimal valid config to break one thing at a time. */
const base = () => ({
  calendars: { office: { timezone: 'Europe/Berlin', hours: { mon: ['09:00-17:00'] } } },
  crm: { salesforce: { orgId: '00D000000000001AAA' } },
  targets: { reps: { salesforce: '00G000000000001AAA', email: 'reps@example.com' } },
  escalation: [{ name: 'p', calendar: 'office', tiers: [{ after: '1h', assignTo: 'reps' }] }],
});

function problemsOf(value: unknown): string[] {
  const result = validateConfig(value);
  if (result.ok) return [];
  return result.problems.map((problem) => `${formatPath(problem.path)}: ${problem.message}`);
}

describe('the example config', () => {
  it('is valid, with no warnings', () => {
    const result = parseConfigText(example);
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('configures both CRMs and all three workflows', () => {
    const result = parseConfigText(example);
    if (!result.ok) throw new Error('example config invalid');
    expect(Object.keys(result.config.crm).sort()).toEqual(['hubspot', 'salesforce']);
    expect(result.config.escalation?.length).toBeGreaterThan(0);
    expect(result.config.followUp?.length).toBeGreaterThan(0);
    expect(result.config.expedite?.length).toBeGreaterThan(0);
  });
});

describe('validation problems', () => {
  it('accepts the minimal config', () => {
    expect(problemsOf(base())).toEqual([]);
  });

  it('reports five different mistakes as five messages, each with its path and line', () => {
    const text = readFileSync(new URL('../../../fixtures/config/five-mistakes.yaml', import.meta.url), 'utf8');
    const result = parseConfigText(text);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((problem) => formatProblem(problem, 'five.yaml'))).toEqual([
      'five.yaml:4:15 calendars.support-fi.timezone: "Europe/Helsinky" is not an IANA time zone — e.g. Europe/Helsinki, America/New_York, UTC',
      'five.yaml:5:42 calendars.support-fi.hours.tue[0]: "8-17" is not an opening range — write HH:MM-HH:MM, e.g. 08:00-17:00',
      'five.yaml:12:32 escalation[0].when.priority[1]: "hihg" is not a priority — use one of urgent, high, medium, low',
      'five.yaml:16:18 escalation[0].tiers[1].after: "4x" is not a duration — use 30m, 4h or 2d',
      'five.yaml:17:32 escalation[0].tiers[2].assignTo: no target named "specialists" — targets here: senior-reps',
    ]);
  });

  it.each([
    [
      'a duration with a unit it does not know',
      (c: any) => (c.escalation[0].tiers[0].after = '4x'),
      'escalation[0].tiers[0].after: "4x" is not a duration — use 30m, 4h or 2d',
    ],
    [
      'units out of order',
      (c: any) => (c.escalation[0].tiers[0].after = '30m1h'),
      'escalation[0].tiers[0].after: "30m1h" is not a duration — use 30m, 4h or 2d',
    ],
    [
      'an empty duration',
      (c: any) => (c.escalation[0].tiers[0].after = ''),
      'escalation[0].tiers[0].after: "" is not a duration — use 30m, 4h or 2d',
    ],
    [
      'a number for a duration',
      (c: any) => (c.escalation[0].tiers[0].after = 2),
      'escalation[0].tiers[0].after: expected text, got number 2 — put it in quotes: "2"',
    ],
    [
      'a range that ends before it starts',
      (c: any) => (c.calendars.office.hours.mon = ['17:00-08:00']),
      'calendars.office.hours.mon[0]: "17:00-08:00" ends before it starts — write the earlier time first, e.g. 08:00-17:00',
    ],
    [
      'a range past midnight',
      (c: any) => (c.calendars.office.hours.mon = ['08:00-24:30']),
      'calendars.office.hours.mon[0]: "08:00-24:30" is not an opening range — write HH:MM-HH:MM, e.g. 08:00-17:00',
    ],
    [
      'a week without hours',
      (c: any) => (c.calendars.office.hours = { mon: [] }),
      'calendars.office.hours: no day has opening hours — give at least one day a range, or write 24x7',
    ],
    [
      'a weekday that does not exist',
      (c: any) => (c.calendars.office.hours = { mon: ['09:00-17:00'], mun: ['09:00-17:00'] }),
      'calendars.office.hours: unknown key "mun" — did you mean "mon"?',
    ],
    [
      'an unknown zone',
      (c: any) => (c.calendars.office.timezone = 'Europe/Helsinky'),
      'calendars.office.timezone: "Europe/Helsinky" is not an IANA time zone — e.g. Europe/Helsinki, America/New_York, UTC',
    ],
    [
      'a country date-holidays does not know',
      (c: any) => (c.calendars.office.holidays = { country: 'XX' }),
      'calendars.office.holidays.country: "XX" is not a country date-holidays knows — use an ISO code such as FI, DE, US',
    ],
    [
      'a region of the wrong country',
      (c: any) => (c.calendars.office.holidays = { country: 'DE', region: 'NY' }),
      'calendars.office.holidays.region: "NY" is not a region of DE — use its ISO code, e.g. BY for Bavaria',
    ],
    [
      'a closed date that is no date',
      (c: any) => (c.calendars.office.holidays = { dates: ['2026-02-30'] }),
      'calendars.office.holidays.dates[0]: "2026-02-30" is not a date — write YYYY-MM-DD',
    ],
    [
      'a misspelt key',
      (c: any) => ((c.calendars.office.timzone = c.calendars.office.timezone), delete c.calendars.office.timezone),
      'calendars.office: unknown key "timzone" — did you mean "timezone"?',
    ],
    [
      'a missing key',
      (c: any) => delete c.calendars.office.timezone,
      'calendars.office.timezone: missing — add a string here',
    ],
    [
      'a priority that is not canonical',
      (c: any) => (c.escalation[0].when = { priority: ['High'] }),
      'escalation[0].when.priority[0]: "High" is not a priority — use one of urgent, high, medium, low',
    ],
    [
      'a status that is not canonical',
      (c: any) => (c.escalation[0].pauseWhile = ['pending']),
      'escalation[0].pauseWhile[0]: "pending" is not a status the clock can pause in — use new, open or waiting',
    ],
    [
      'an unknown calendar',
      (c: any) => (c.escalation[0].calendar = 'ofice'),
      'escalation[0].calendar: no calendar named "ofice" — calendars here: office',
    ],
    [
      'an unknown target',
      (c: any) => (c.escalation[0].tiers[0].assignTo = 'rep'),
      'escalation[0].tiers[0].assignTo: no target named "rep" — targets here: reps',
    ],
    [
      'a notify target without e-mail',
      (c: any) => (
        (c.targets.boss = { salesforce: '005000000000009AAA' }),
        (c.escalation[0].tiers[0].notify = ['boss'])
      ),
      'escalation[0].tiers[0].notify[0]: target "boss" has no email, so it cannot be told — add targets.boss.email',
    ],
    [
      'a target without an id in a configured CRM',
      (c: any) => (c.crm.hubspot = { portalId: '42' }),
      'escalation[0].tiers[0].assignTo: target "reps" has no hubspot id, but crm.hubspot is configured — add targets.reps.hubspot',
    ],
    [
      'tiers out of order',
      (c: any) => c.escalation[0].tiers.push({ after: '30m', assignTo: 'reps' }),
      'escalation[0].tiers[1].after: 30m does not come after the tier before (1h) — tiers go in order',
    ],
    [
      'two policies with one name',
      (c: any) => c.escalation.push({ ...c.escalation[0] }),
      'escalation[1].name: "p" is already the name of escalation[0] — names must be unique',
    ],
    ['no CRM', (c: any) => (c.crm = {}), 'crm: no CRM configured — add salesforce or hubspot'],
    [
      'a malformed org id',
      (c: any) => (c.crm.salesforce.orgId = '00X000000000001AAA'),
      'crm.salesforce.orgId: "00X000000000001AAA" is not a Salesforce organization id — 15 or 18 characters starting with 00D',
    ],
    [
      'a trailing slash on the instance URL',
      (c: any) => (c.crm.salesforce.instanceUrl = 'https://acme.my.salesforce.com/'),
      'crm.salesforce.instanceUrl: drop the trailing slash — jsforce builds wrong URLs with it',
    ],
    [
      'an unknown mapped field',
      (c: any) => (c.crm.salesforce.fields = { 'order.promised': 'X__c' }),
      'crm.salesforce.fields: unknown key "order.promised" — did you mean "order.promisedAt"?',
    ],
    [
      'a follow-up at a time that is not one',
      (c: any) =>
        (c.followUp = [
          { name: 'f', on: 'case.closed', calendar: 'office', after: '2d', at: '25:00', assignTo: 'reps' },
        ]),
      'followUp[0].at: "25:00" is not a time of day — write HH:MM, e.g. "10:00" (quoted)',
    ],
    [
      'a follow-up on an event that does not exist',
      (c: any) => (c.followUp = [{ name: 'f', on: 'case.solved', calendar: 'office', after: '2d', assignTo: 'reps' }]),
      'followUp[0].on: "case.solved" is not a trigger — use case.closed or order.delivered',
    ],
    [
      'an at-risk policy without checkBefore',
      (c: any) => (c.expedite = [{ name: 'e', when: { atRisk: true }, calendar: 'office', assignTo: 'reps' }]),
      'expedite[0].checkBefore: an atRisk policy needs checkBefore — when to look before the promise, e.g. 2d',
    ],
    [
      'an expedite policy for both kinds of order',
      (c: any) =>
        (c.expedite = [
          {
            name: 'e',
            when: { atRisk: true, expedite: true },
            calendar: 'office',
            checkBefore: '1d',
            assignTo: 'reps',
          },
        ]),
      'expedite[0].when: which orders? — write when: { expedite: true } (flagged) or when: { atRisk: true } (promised), not both',
    ],
  ])('names the path and a hint for %s', (_, mistake, expected) => {
    const config = base();
    mistake(config);
    expect(problemsOf(config)).toEqual([expected]);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseConfigText('calendars:\n  office: { timezone: UTC\n');
    expect(result.ok).toBe(false);
    const [problem] = result.ok ? [] : result.problems;
    expect(problem?.line).toBeGreaterThan(0);
    expect(problem?.message).toMatch(/not valid YAML$/);
  });

  it('refuses duplicate keys rather than keeping the last', () => {
    const result = parseConfigText('calendars: {}\ncalendars: {}\ncrm: {}\n');
    expect(result.ok).toBe(false);
  });

  it('refuses an empty file with a hint', () => {
    const result = parseConfigText('# nothing yet\n');
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'the file is empty — start from the example crmflow.config.yaml',
    ]);
  });

  it('stops alias bombs instead of expanding them', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map((l, i) => `${l}: &${l} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    const result = parseConfigText(bomb);
    expect(result.ok).toBe(false);
  });

  it('warns, without failing, about a follow-up to the owner with no fallback', () => {
    const config = {
      ...base(),
      followUp: [{ name: 'f', on: 'case.closed', calendar: 'office', after: '2d', assignTo: 'owner' }],
    };
    const result = validateConfig(config);
    expect(result.ok).toBe(true);
    const warnings: readonly ConfigProblem[] = result.ok ? result.warnings : [];
    expect(warnings.map((warning) => formatProblem(warning))).toEqual([
      'warning: followUp[0]: no fallback: a record that no user owned gets no call — add fallback: <target>',
    ]);
  });

  it('quotes path parts that are not plain names', () => {
    expect(formatPath(['crm', 'salesforce', 'fields', 'order.promisedAt'])).toBe(
      'crm.salesforce.fields["order.promisedAt"]',
    );
  });
});
