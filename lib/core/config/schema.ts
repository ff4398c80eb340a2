/**
 * The shape of crmflow.config.yaml (DESIGN §7) as a zod schema. It checks each value on its own;
 * references between parts (calendar and target names) are checked in references.ts, because a
 * problem there is best told with both places named.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CASE_STATUSES, FOLLOW_UP_TRIGGERS, MAPPABLE_FIELDS, PRIORITIES } from '../model/canonical.ts';
import { DURATION_PATTERN, parseDuration } from '../time/duration.ts';
import { isKnownCountry, isKnownRegion } from '../time/holidays.ts';
import { RANGE_PATTERN, TIME_PATTERN, WEEKDAYS, parseOpeningRange, parseTimeOfDay } from '../time/opening-hours.ts';
import { strictObject } from './strict-object.ts';

const shown = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

export const duration = z
  .string()
  .regex(new RegExp(DURATION_PATTERN.replace('^', '^(?=.)')), {
    abort: true,
    error: (issue) => `${shown(issue.input)} is not a duration — use 30m, 4h or 2d`,
  })
  .refine((text) => parseDuration(text) !== undefined, {
    error: (issue) => `${shown(issue.input)} is too large a duration — use at most 9999d, 99999h or 999999m`,
  })
  .meta({ description: 'Open time (`30m`, `4h`) or business days (`2d`) on the calendar; combine as `1d4h`.' });

const openingRange = z
  .string()
  .regex(new RegExp(RANGE_PATTERN), {
    abort: true,
    error: (issue) => `${shown(issue.input)} is not an opening range — write HH:MM-HH:MM, e.g. 08:00-17:00`,
  })
  .refine((text) => parseOpeningRange(text) !== undefined, {
    error: (issue) => `${shown(issue.input)} ends before it starts — write the earlier time first, e.g. 08:00-17:00`,
  });

const timeOfDay = z
  .string()
  .regex(new RegExp(TIME_PATTERN), {
    abort: true,
    error: (issue) => `${shown(issue.input)} is not a time of day — write HH:MM, e.g. "10:00" (quoted)`,
  })
  .refine((text) => parseTimeOfDay(text) !== undefined);

const isoDate = z.iso.date({ error: (issue) => `${shown(issue.input)} is not a date — write YYYY-MM-DD` });

const timezone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  error: (issue) => `${shown(issue.input)} is not an IANA time zone — e.g. Europe/Helsinki, America/New_York, UTC`,
});

const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  error: (issue) => `${shown(issue.input)} is not a name — use lower-case letters, digits and dashes`,
});

const weeklyHours = strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(openingRange).optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<z.ZodArray<typeof openingRange>>
  >,
).refine((hours) => Object.values(hours).some((ranges) => ranges && ranges.length > 0), {
  error: 'no day has opening hours — give at least one day a range, or write 24x7',
});

const holidays = strictObject({
  country: z
    .string()
    .refine(isKnownCountry, {
      error: (issue) =>
        `${shown(issue.input)} is not a country date-holidays knows — use an ISO code such as FI, DE, US`,
    })
    .optional(),
  region: z.string().optional(),
  dates: z.array(isoDate).optional().meta({ description: 'Extra closed dates (YYYY-MM-DD), e.g. Christmas Eve.' }),
}).superRefine((value, context) => {
  if (value.region === undefined) return;
  if (value.country === undefined) {
    context.addIssue({ code: 'custom', path: ['region'], message: 'a region needs a country — add country: …' });
  } else if (isKnownCountry(value.country) && !isKnownRegion(value.country, value.region)) {
    context.addIssue({
      code: 'custom',
      path: ['region'],
      message: `"${value.region}" is not a region of ${value.country.toUpperCase()} — use its ISO code, e.g. BY for Bavaria`,
    });
  }
});

export const calendarSchema = strictObject({
  timezone,
  hours: z
    .union([z.literal('24x7'), weeklyHours])
    .meta({ description: '`24x7`, or per weekday (mon…sun) a list of local HH:MM-HH:MM ranges.' }),
  holidays: holidays.optional(),
});

const salesforceId = (prefixes: string[], what: string) =>
  z.string().regex(new RegExp(`^(${prefixes.join('|')})[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$`), {
    error: (issue) =>
      `${shown(issue.input)} is not a Salesforce ${what} id — 15 or 18 characters starting with ${prefixes.join(' or ')}`,
  });

/** HubSpot ids are numbers; YAML users write them with or without quotes. */
const hubspotId = z
  .union(
    [
      z
        .string()
        .regex(/^\d+$/, { error: (issue) => `${shown(issue.input)} is not a HubSpot id — digits only, e.g. "101"` }),
      z.number().int().nonnegative(),
    ],
    {
      error: (issue) => `${shown(issue.input)} is not a HubSpot id — digits only, e.g. "101"`,
    },
  )
  .transform(String);

const fieldOverrides = strictObject(
  Object.fromEntries(MAPPABLE_FIELDS.map((field) => [field, z.string().min(1).optional()])) as Record<
    (typeof MAPPABLE_FIELDS)[number],
    z.ZodOptional<z.ZodString>
  >,
).meta({ description: 'Native field (property) names for canonical fields, e.g. order.promisedAt: Promised_Date__c.' });

const caseStatus = z.enum(CASE_STATUSES, {
  error: (issue) => `${shown(issue.input)} is not a case status — use one of ${CASE_STATUSES.join(', ')}`,
});
const priority = z.enum(PRIORITIES, {
  error: (issue) => `${shown(issue.input)} is not a priority — use one of ${PRIORITIES.join(', ')}`,
});

export const salesforceSchema = strictObject({
  orgId: salesforceId(['00D'], 'organization'),
  apiVersion: z
    .string()
    .regex(/^\d{2,3}\.0$/, { error: (issue) => `${shown(issue.input)} is not an API version — e.g. "62.0" (quoted)` })
    .optional()
    .meta({ description: 'REST API version; default 62.0 (jsforce would otherwise use 50.0).' }),
  instanceUrl: z
    .url({ protocol: /^https$/, error: 'not an https:// URL — e.g. https://yourcompany.my.salesforce.com' })
    .refine((url) => !url.endsWith('/'), { error: 'drop the trailing slash — jsforce builds wrong URLs with it' })
    .optional(),
  fields: fieldOverrides.optional(),
  statuses: z
    .record(z.string(), caseStatus)
    .optional()
    .meta({ description: 'Case Status values → canonical status, added to the defaults.' }),
  priorities: z.record(z.string(), priority).optional(),
});

export const hubspotSchema = strictObject({
  portalId: hubspotId,
  fields: fieldOverrides.optional(),
  stages: z
    .record(z.string(), caseStatus)
    .optional()
    .meta({ description: 'Ticket pipeline stage ids → canonical status, added to the defaults.' }),
  priorities: z.record(z.string(), priority).optional(),
});

export const targetSchema = strictObject({
  salesforce: salesforceId(['005', '00G'], 'user (005…) or queue (00G…)').optional(),
  hubspot: hubspotId.optional(),
  email: z
    .email({ error: (issue) => `${shown(issue.input)} is not an e-mail address — e.g. supervisor@example.com` })
    .optional(),
}).refine((target) => target.salesforce ?? target.hubspot ?? target.email, {
  error: 'this target names nobody — give it a salesforce id, a hubspot id or an email',
});

const tier = strictObject({
  after: duration,
  assignTo: name.meta({ description: 'A target name.' }),
  notify: z.array(z.string()).optional().meta({ description: 'Target names, `owner`, or e-mail addresses.' }),
});

export const escalationPolicySchema = strictObject({
  name,
  when: strictObject({ priority: z.array(priority).optional(), status: z.array(caseStatus).optional() }).optional(),
  calendar: name,
  pauseWhile: z
    .array(
      z.enum(['new', 'open', 'waiting'], {
        error: (issue) => `${shown(issue.input)} is not a status the clock can pause in — use new, open or waiting`,
      }),
    )
    .optional(),
  warnBefore: duration.optional(),
  tiers: z.array(tier).min(1, { error: 'no tiers — add at least one, e.g. { after: 1h, assignTo: <target> }' }),
});

export const followUpPolicySchema = strictObject({
  name,
  on: z.enum(FOLLOW_UP_TRIGGERS, {
    error: (issue) => `${shown(issue.input)} is not a trigger — use ${FOLLOW_UP_TRIGGERS.join(' or ')}`,
  }),
  calendar: name,
  after: duration,
  at: timeOfDay.optional(),
  assignTo: z.string().meta({ description: '`owner` (the record’s last human owner) or a target name.' }),
  skipIf: strictObject({
    reopened: z.boolean().optional(),
    optedOut: z.boolean().optional(),
    contactedWithin: duration.optional(),
  }).optional(),
  remindAfter: duration.optional(),
  remindTo: z.string().optional(),
  fallback: z.string().optional(),
  survey: z.boolean().optional().meta({ description: 'Planned: a satisfaction survey e-mail. Not sent yet.' }),
});

export const expeditePolicySchema = strictObject({
  name,
  when: strictObject({ expedite: z.literal(true).optional(), atRisk: z.literal(true).optional() }).refine(
    (when) => (when.expedite === true) !== (when.atRisk === true),
    {
      error: 'which orders? — write when: { expedite: true } (flagged) or when: { atRisk: true } (promised), not both',
    },
  ),
  calendar: name,
  checkBefore: duration.optional(),
  shipBy: duration.optional(),
  assignTo: z.string(),
  escalateTo: z.string().optional(),
  notifyCustomerOnDelay: z.boolean().optional(),
});

export const configSchema = strictObject({
  calendars: z.record(name, calendarSchema),
  crm: strictObject({ salesforce: salesforceSchema.optional(), hubspot: hubspotSchema.optional() }).refine(
    (crm) => crm.salesforce ?? crm.hubspot,
    { error: 'no CRM configured — add salesforce or hubspot' },
  ),
  targets: z.record(name, targetSchema).optional(),
  escalation: z.array(escalationPolicySchema).optional(),
  followUp: z.array(followUpPolicySchema).optional(),
  expedite: z.array(expeditePolicySchema).optional(),
}).meta({ title: 'crmflow configuration', description: 'crmflow.config.yaml — see DESIGN §7.' });

/** The config as written, after validation. */
export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type CalendarConfig = z.output<typeof calendarSchema>;
export type EscalationPolicyConfig = z.output<typeof escalationPolicySchema>;
export type FollowUpPolicyConfig = z.output<typeof followUpPolicySchema>;
export type ExpeditePolicyConfig = z.output<typeof expeditePolicySchema>;
export type TargetConfig = z.output<typeof targetSchema>;
