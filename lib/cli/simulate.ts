import { loadScenario } from '../local/scenario/load-scenario.ts';
import type { SimulationOutput } from '../local/scenario/output.ts';
import { simulate } from '../local/scenario/simulate.ts';

/** `crmflow simulate <file>`: the timeline (or JSON), and exit 1 when the file is invalid or an expectation fails. */
export async function simulateCommand(file: string, options: { json?: boolean; config?: string }) {
  const loaded = await loadScenario(file, options.config ? { defaultConfig: options.config } : {});
  if (!loaded.ok) {
    const output = options.json
      ? JSON.stringify({ file, passed: false, failures: loaded.problems })
      : [
          `${file}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}`,
          ...loaded.problems,
        ].join('\n');
    return { ok: false, output };
  }
  const result = await simulate(loaded.loaded);
  return { ok: result.passed, output: options.json ? JSON.stringify(result) : readable(result) };
}

function readable(result: SimulationOutput): string {
  const lines = [`${result.name}: ${result.start} → ${result.end}`, ''];
  for (const entry of result.timeline) {
    // CRM echoes of crmflow's own writes, duplicates: in --json, not in the story a person reads.
    if (entry.workflow === 'router' && /\((unchanged|duplicate|ignored)\)$/.test(String(entry.detail['summary'])))
      continue;
    const summary = typeof entry.detail['summary'] === 'string' ? entry.detail['summary'] : entry.action;
    lines.push(`${entry.at}  ${entry.workflow.padEnd(10)} ${entry.record}  ${summary}`);
  }
  lines.push('', `${result.tasks.length} tasks, ${result.notes.length} notes, ${result.emails.length} e-mails`);
  for (const task of result.tasks)
    lines.push(
      `  task  ${task.createdAt}  ${task.type.padEnd(4)} ${task.status.padEnd(9)} owner ${task.ownerId}  ${task.subject}`,
    );
  for (const email of result.emails) lines.push(`  email ${email.at}  to ${email.to.join(', ')}  ${email.subject}`);
  const injected = result.injectedFaults;
  if (injected) {
    lines.push(
      '',
      `faults injected: ${injected.crmErrors} CRM errors, ${injected.timeouts} timeouts (${injected.timeoutsAfterWrite} after a write), ` +
        `${injected.expiredSessions} expired sessions, ${injected.lostAnswers} lost answers, ` +
        `${injected.duplicateDeliveries} duplicate and ${injected.delayedDeliveries} delayed deliveries`,
    );
  }
  lines.push('', result.passed ? 'passed' : `FAILED\n${result.failures.map((failure) => `  - ${failure}`).join('\n')}`);
  return lines.join('\n');
}
