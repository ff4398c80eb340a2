import { readFile } from 'node:fs/promises';
import { formatProblem, parseConfigText, type Config, type ConfigProblem } from '../core/config/index.ts';

export interface ValidateOutcome {
  readonly ok: boolean;
  readonly output: string;
}

/** `crmflow validate [file]`: a short summary and ok, or every problem with its place and a hint. */
export async function validateCommand(file: string, options: { json?: boolean }): Promise<ValidateOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return {
      ok: false,
      output: `${file}: ${reason} — pass the config's path, e.g. crmflow validate crmflow.config.yaml`,
    };
  }
  const result = parseConfigText(text);
  if (options.json) {
    const problems = result.ok ? result.warnings : result.problems;
    return {
      ok: result.ok,
      output: JSON.stringify({ file, valid: result.ok, problems: problems.map(jsonProblem) }, null, 2),
    };
  }
  if (!result.ok) {
    const errors = result.problems.filter((problem) => problem.severity === 'error').length;
    const lines = result.problems.map((problem) => formatProblem(problem, file));
    return { ok: false, output: [`${file}: ${errors} problem${errors === 1 ? '' : 's'}`, ...lines].join('\n') };
  }
  const warnings = result.warnings.map((problem) => formatProblem(problem, file));
  return { ok: true, output: [`${file} is valid`, ...summary(result.config), ...warnings].join('\n') };
}

function jsonProblem(problem: ConfigProblem) {
  return { ...problem, where: formatProblem({ ...problem, message: '' }).replace(/: $/, '') };
}

function summary(config: Config): string[] {
  const calendars = Object.entries(config.calendars).map(([name, calendar]) => {
    const hours =
      calendar.hours === '24x7'
        ? '24x7'
        : `${Object.values(calendar.hours).filter((ranges) => ranges?.length).length} open days a week`;
    const country = calendar.holidays?.country
      ? `, ${calendar.holidays.country}${calendar.holidays.region ? `-${calendar.holidays.region}` : ''} holidays`
      : '';
    return `${name} (${calendar.timezone}, ${hours}${country})`;
  });
  const crms = [
    config.crm.salesforce && `Salesforce org ${config.crm.salesforce.orgId}`,
    config.crm.hubspot && `HubSpot portal ${config.crm.hubspot.portalId}`,
  ].filter(Boolean);
  const escalation = (config.escalation ?? []).map(
    (policy) => `${policy.name} (${policy.tiers.map((tier) => `${tier.after} → ${tier.assignTo}`).join(', ')})`,
  );
  const followUp = (config.followUp ?? []).map(
    (policy) =>
      `${policy.name} (${policy.on}, ${policy.after}${policy.at ? ` at ${policy.at}` : ''} → ${policy.assignTo})`,
  );
  const expedite = (config.expedite ?? []).map(
    (policy) =>
      `${policy.name} (${policy.when.atRisk ? `at risk, checked ${policy.checkBefore} before the promise` : 'flagged orders'} → ${policy.assignTo})`,
  );
  const line = (label: string, items: readonly unknown[]) =>
    `  ${label.padEnd(11)} ${items.length ? items.join('; ') : '—'}`;
  return [
    line('calendars', calendars),
    line('crm', crms),
    line('targets', Object.keys(config.targets ?? {})),
    line('escalation', escalation),
    line('follow-up', followUp),
    line('expedite', expedite),
  ];
}
