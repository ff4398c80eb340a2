/**
 * Checks between parts of a config that are each valid on their own: calendar and target names
 * that must exist, targets that must have an id in every CRM they are assigned work in, policy
 * names that must be unique, tiers that must come in order.
 */
import { CRMS } from '../model/canonical.ts';
import { parseDuration } from '../time/duration.ts';
import type {
  Config,
  EscalationPolicyConfig,
  ExpeditePolicyConfig,
  FollowUpPolicyConfig,
  TargetConfig,
} from './schema.ts';
import type { ConfigProblem } from './problem.ts';

type Path = (string | number)[];

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Runs on a validated config, and also on one that failed validation elsewhere (so every problem is
 * told in one go): hence the guards on each value's type.
 */
export function checkReferences(value: unknown): ConfigProblem[] {
  const config = mapping(value) as Partial<Config>;
  const problems: ConfigProblem[] = [];
  const calendars = Object.keys(mapping(config.calendars));
  const targets = mapping(config.targets) as NonNullable<Config['targets']>;
  const targetNames = Object.keys(targets);
  const crm = mapping(config.crm);
  const configuredCrms = CRMS.filter((name) => crm[name] !== undefined);

  const problem = (path: Path, message: string, severity: ConfigProblem['severity'] = 'error') =>
    problems.push({ path, message, severity });

  const calendar = (path: Path, name: unknown) => {
    if (typeof name === 'string' && !calendars.includes(name))
      problem(path, `no calendar named "${name}" — ${oneOf('calendars', calendars)}`);
  };

  /** A name that gets work (a task or an owner change): a target with an id in each configured CRM. */
  const assignee = (path: Path, name: unknown, { owner }: { owner: boolean }) => {
    if (typeof name !== 'string' || (owner && name === 'owner')) return;
    const target = mapping(targets[name]) as TargetConfig;
    if (!Object.hasOwn(targets, name)) {
      const choices = owner ? ['owner', ...targetNames] : targetNames;
      problem(path, `no target named "${name}" — ${oneOf('targets', choices)}`);
      return;
    }
    for (const crm of configuredCrms) {
      if (target[crm] === undefined) {
        problem(path, `target "${name}" has no ${crm} id, but crm.${crm} is configured — add targets.${name}.${crm}`);
      }
    }
  };

  /** A name that is told by e-mail: a target with an e-mail, `owner`, or a literal address. */
  const recipient = (path: Path, name: unknown) => {
    if (typeof name !== 'string' || name === 'owner' || EMAIL.test(name)) return;
    const target = mapping(targets[name]) as TargetConfig;
    if (!Object.hasOwn(targets, name))
      problem(path, `no target named "${name}" — ${oneOf('targets', ['owner', ...targetNames])}, or an e-mail address`);
    else if (!target.email)
      problem(path, `target "${name}" has no email, so it cannot be told — add targets.${name}.email`);
  };

  uniqueNames(config.escalation, 'escalation', problem);
  uniqueNames(config.followUp, 'followUp', problem);
  uniqueNames(config.expedite, 'expedite', problem);

  list<EscalationPolicyConfig>(config.escalation).forEach((policy, i) => {
    calendar(['escalation', i, 'calendar'], policy.calendar);
    let previous: string | undefined;
    list<EscalationPolicyConfig['tiers'][number]>(policy.tiers).forEach((tier, k) => {
      assignee(['escalation', i, 'tiers', k, 'assignTo'], tier.assignTo, { owner: false });
      (Array.isArray(tier.notify) ? tier.notify : []).forEach((name, n) =>
        recipient(['escalation', i, 'tiers', k, 'notify', n], name),
      );
      if (typeof tier.after !== 'string') return;
      if (previous !== undefined && !later(tier.after, previous)) {
        problem(
          ['escalation', i, 'tiers', k, 'after'],
          `${tier.after} does not come after the tier before (${previous}) — tiers go in order`,
        );
      }
      previous = tier.after;
    });
  });

  list<FollowUpPolicyConfig>(config.followUp).forEach((policy, i) => {
    calendar(['followUp', i, 'calendar'], policy.calendar);
    assignee(['followUp', i, 'assignTo'], policy.assignTo, { owner: true });
    if (policy.fallback !== undefined) assignee(['followUp', i, 'fallback'], policy.fallback, { owner: false });
    else if (policy.assignTo === 'owner') {
      problem(
        ['followUp', i],
        'no fallback: a record that no user owned gets no call — add fallback: <target>',
        'warning',
      );
    }
    if (policy.remindTo !== undefined) recipient(['followUp', i, 'remindTo'], policy.remindTo);
    if (policy.remindAfter !== undefined && policy.remindTo === undefined && !targets['supervisor']?.email) {
      problem(
        ['followUp', i, 'remindAfter'],
        'nobody to remind — add remindTo, or a target named supervisor with an email',
      );
    }
    if (policy.remindTo !== undefined && policy.remindAfter === undefined) {
      problem(['followUp', i, 'remindTo'], 'remindTo without remindAfter never fires — add remindAfter: 1d', 'warning');
    }
  });

  list<ExpeditePolicyConfig>(config.expedite).forEach((policy, i) => {
    calendar(['expedite', i, 'calendar'], policy.calendar);
    assignee(['expedite', i, 'assignTo'], policy.assignTo, { owner: false });
    if (policy.escalateTo !== undefined) assignee(['expedite', i, 'escalateTo'], policy.escalateTo, { owner: false });
    const when = mapping(policy.when);
    if (when['atRisk'] === true && policy.checkBefore === undefined) {
      problem(
        ['expedite', i, 'checkBefore'],
        'an atRisk policy needs checkBefore — when to look before the promise, e.g. 2d',
      );
    }
    if (when['expedite'] === true && policy.checkBefore !== undefined) {
      problem(
        ['expedite', i, 'checkBefore'],
        'checkBefore is used by atRisk policies only — remove it: flagged orders are handled at once',
        'warning',
      );
    }
  });

  return problems;
}

function uniqueNames(policies: unknown, listName: string, problem: (path: Path, message: string) => void): void {
  const seen = new Map<string, number>();
  list<{ name?: unknown }>(policies).forEach((policy, i) => {
    if (typeof policy.name !== 'string') return;
    const first = seen.get(policy.name);
    if (first !== undefined)
      problem(
        [listName, i, 'name'],
        `"${policy.name}" is already the name of ${listName}[${first}] — names must be unique`,
      );
    else seen.set(policy.name, i);
  });
}

/**
 * Whether `after` is later than `before`. Days and open hours only compare within one unit (a
 * business day is not a fixed number of open hours), so mixed pairs pass here.
 */
function later(after: string, before: string): boolean {
  const a = parseDuration(after);
  const b = parseDuration(before);
  if (!a || !b) return true;
  if (a.days === 0 && b.days === 0) return a.openMs > b.openMs;
  if (a.openMs === 0 && b.openMs === 0) return a.days > b.days;
  return true;
}

function oneOf(what: string, names: readonly string[]): string {
  return names.length ? `${what} here: ${names.join(', ')}` : `there are no ${what}`;
}

function mapping(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The mappings of a list; anything else in it is the schema's to report. */
function list<T>(value: unknown): Partial<T>[] {
  return Array.isArray(value) ? value.map((item) => mapping(item) as Partial<T>) : [];
}
