/**
 * Checks a scenario's `expect:` entries against what the simulation left behind. Fields match by
 * equality, times as instants within 60 s, `email.to` by membership, `…Contains` by substring.
 */
import type { ScenarioExpectation } from './schema.ts';
import { parseTimestamp } from './offset.ts';
import type { SimulationOutput } from './output.ts';

const TIME_FIELDS = new Set(['at', 'createdAt', 'dueAt']);
const SLACK_MS = 60_000;

export function checkExpectations(expectations: readonly ScenarioExpectation[], output: SimulationOutput): string[] {
  const failures: string[] = [];
  expectations.forEach((expectation, index) => {
    const count = expectation.count ?? 1;
    if (expectation.record) {
      const { id, ...fields } = expectation.record;
      const record = output.records[String(id)];
      if (!record) {
        failures.push(`expect[${index}]: no record ${String(id)}`);
        return;
      }
      for (const [field, wanted] of Object.entries(fields)) {
        if (!matches(field, record[field], wanted)) {
          failures.push(
            `expect[${index}]: record ${String(id)} has ${field} = ${JSON.stringify(record[field])}, expected ${JSON.stringify(wanted)}`,
          );
        }
      }
      return;
    }
    const [kind, wanted, items] = expectation.task
      ? (['task', expectation.task, output.tasks] as const)
      : expectation.note
        ? (['note', expectation.note, output.notes] as const)
        : (['email', expectation.email ?? {}, output.emails] as const);
    const found = (items as readonly object[]).filter((item) =>
      Object.entries(wanted).every(([field, value]) => fieldMatches(item as Record<string, unknown>, field, value)),
    );
    if (found.length !== count) {
      failures.push(
        `expect[${index}]: ${count} ${kind}${count === 1 ? '' : 's'} matching ${JSON.stringify(wanted)}, found ${found.length}`,
      );
    }
  });
  return failures;
}

function fieldMatches(item: Readonly<Record<string, unknown>>, field: string, wanted: unknown): boolean {
  if (field.endsWith('Contains')) {
    const actual = item[field.slice(0, -'Contains'.length)];
    return typeof actual === 'string' && typeof wanted === 'string' && actual.includes(wanted);
  }
  return matches(field, item[field], wanted);
}

function matches(field: string, actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(actual)) {
    return actual.some((value) => String(value).toLowerCase() === String(wanted).toLowerCase());
  }
  if (TIME_FIELDS.has(field) && typeof actual === 'string' && typeof wanted === 'string') {
    const a = Date.parse(actual);
    const w = parseTimestamp(wanted) ?? Date.parse(wanted);
    return Number.isFinite(a) && Number.isFinite(w) && Math.abs(a - w) <= SLACK_MS;
  }
  if (typeof actual === 'number' || typeof wanted === 'number') return Number(actual) === Number(wanted);
  if (typeof wanted === 'boolean' && typeof actual === 'string') return String(wanted) === actual;
  return actual === wanted || (actual === undefined && wanted === null);
}
