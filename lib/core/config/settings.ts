/**
 * A validated config turned into what the planners use: calendars built, durations parsed, names
 * resolved. Built once per process (calendars cache their holidays).
 */
import type { CaseStatus, CrmName, Priority } from '../model/canonical.ts';
import { createCalendar, type Calendar } from '../time/calendar.ts';
import { parseDuration, type Duration } from '../time/duration.ts';
import { parseTimeOfDay } from '../time/opening-hours.ts';
import type { Config, TargetConfig } from './schema.ts';

export interface EscalationTier {
  readonly number: number;
  readonly after: Duration;
  /** As written, for the words on notes and e-mails. */
  readonly afterText: string;
  readonly assignTo: string;
  readonly notify: readonly string[];
}

export interface EscalationPolicy {
  readonly name: string;
  readonly priorities?: readonly Priority[];
  readonly statuses?: readonly CaseStatus[];
  readonly calendar: Calendar;
  readonly pauseWhile: readonly CaseStatus[];
  readonly warnBefore?: Duration;
  readonly warnBeforeText?: string;
  readonly tiers: readonly EscalationTier[];
}

export interface FollowUpPolicy {
  readonly name: string;
  readonly on: 'case.closed' | 'order.delivered';
  readonly calendar: Calendar;
  readonly after: Duration;
  readonly atMinuteOfDay?: number;
  readonly assignTo: string;
  readonly fallback?: string;
  readonly skipIfReopened: boolean;
  readonly skipIfOptedOut: boolean;
  readonly contactedWithin?: Duration;
  readonly remindAfter?: Duration;
  readonly remindTo?: string;
}

export interface ExpeditePolicy {
  readonly name: string;
  readonly trigger: 'expedite' | 'atRisk';
  readonly calendar: Calendar;
  readonly checkBefore?: Duration;
  readonly shipBy?: Duration;
  readonly assignTo: string;
  readonly escalateTo?: string;
  readonly notifyCustomerOnDelay: boolean;
}

export interface Settings {
  readonly config: Config;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly targets: Readonly<Record<string, TargetConfig>>;
  readonly escalation: readonly EscalationPolicy[];
  readonly followUp: readonly FollowUpPolicy[];
  readonly expedite: readonly ExpeditePolicy[];
}

export function compileSettings(config: Config): Settings {
  const calendars = new Map(
    Object.entries(config.calendars).map(([name, spec]) => [name, createCalendar(name, spec)] as const),
  );
  const calendar = (name: string): Calendar => {
    const found = calendars.get(name);
    if (!found) throw new Error(`no calendar named "${name}" (validate the config first)`);
    return found;
  };
  return {
    config,
    calendars,
    targets: config.targets ?? {},
    escalation: (config.escalation ?? []).map((policy) => ({
      name: policy.name,
      priorities: policy.when?.priority,
      statuses: policy.when?.status,
      calendar: calendar(policy.calendar),
      pauseWhile: policy.pauseWhile ?? [],
      warnBefore: policy.warnBefore === undefined ? undefined : duration(policy.warnBefore),
      warnBeforeText: policy.warnBefore,
      tiers: policy.tiers.map((tier, index) => ({
        number: index + 1,
        after: duration(tier.after),
        afterText: tier.after,
        assignTo: tier.assignTo,
        notify: tier.notify ?? [],
      })),
    })),
    followUp: (config.followUp ?? []).map((policy) => ({
      name: policy.name,
      on: policy.on,
      calendar: calendar(policy.calendar),
      after: duration(policy.after),
      atMinuteOfDay: policy.at === undefined ? undefined : parseTimeOfDay(policy.at),
      assignTo: policy.assignTo,
      fallback: policy.fallback,
      skipIfReopened: policy.skipIf?.reopened ?? true,
      skipIfOptedOut: policy.skipIf?.optedOut ?? true,
      contactedWithin:
        policy.skipIf?.contactedWithin === undefined ? undefined : duration(policy.skipIf.contactedWithin),
      remindAfter: policy.remindAfter === undefined ? undefined : duration(policy.remindAfter),
      remindTo:
        policy.remindTo ??
        (policy.remindAfter !== undefined && config.targets?.['supervisor'] ? 'supervisor' : undefined),
    })),
    expedite: (config.expedite ?? []).map((policy) => ({
      name: policy.name,
      trigger: policy.when.atRisk ? 'atRisk' : 'expedite',
      calendar: calendar(policy.calendar),
      checkBefore: policy.checkBefore === undefined ? undefined : duration(policy.checkBefore),
      shipBy: policy.shipBy === undefined ? undefined : duration(policy.shipBy),
      assignTo: policy.assignTo,
      escalateTo: policy.escalateTo,
      notifyCustomerOnDelay: policy.notifyCustomerOnDelay ?? false,
    })),
  };
}

/** The target's id in one CRM, if it has one. */
export function targetId(settings: Settings, name: string, crm: CrmName): string | undefined {
  return settings.targets[name]?.[crm];
}

function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`"${text}" is not a duration (validate the config first)`);
  return parsed;
}

/**
 * The zone dates are written in when a CRM field holds a date only (a Salesforce task's
 * ActivityDate): the first calendar's, the team's own.
 */
export function teamZone(settings: Settings): string {
  return [...settings.calendars.values()][0]?.zone ?? 'UTC';
}
