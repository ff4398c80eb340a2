/**
 * Faults change nothing: every scenario, run with duplicated and shuffled deliveries, retryable CRM
 * errors, timeouts, expired sessions and writes whose answers are lost, ends with the same tasks,
 * notes, e-mails and record fields as without faults — for several seeds.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../lib/local/scenario/load-scenario.ts';
import type { SimulationOutput } from '../../lib/local/scenario/output.ts';
import { simulate } from '../../lib/local/scenario/simulate.ts';
import { emptyTally, type FaultTally } from '../../lib/local/faults/tally.ts';

const shared = fileURLToPath(new URL('../../../shared/scenarios/', import.meta.url));
const own = fileURLToPath(new URL('./', import.meta.url));
const FAULTS = { duplicateWebhooks: 3, outOfOrder: true, crmErrors: 0.3, crashAfterCrmWrite: 0.2 } as const;
const SEEDS = [1, 2, 3];
/** Everything injected over all runs: the last test checks that each kind of fault really happened. */
const injected: FaultTally = emptyTally();

const files = [
  ...readdirSync(shared)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => `${shared}${file}`),
  ...['escalation', 'follow-up', 'expedite', 'hubspot'].flatMap((folder) =>
    readdirSync(`${own}${folder}`)
      .filter((file) => file.endsWith('.yaml') && !file.startsWith('_'))
      .map((file) => `${own}${folder}/${file}`),
  ),
];

/** Moments may move by up to a delivery's shuffle (a minute): compare them to the minute… */
const minute = (iso: string | undefined) => (iso ? Math.round(Date.parse(iso) / 120_000) : undefined);
/** …and the open time a note quotes ("open 4h of business time") may round differently by a minute. */
const words = (text: string) => text.replace(/\b\d+h(?: \d+m)?\b|\b\d+m\b/g, '<time>');
/** Fields every change sets: not part of the outcome. */
const STAMPS =
  /^(LastModifiedDate|SystemModstamp|LastModifiedById|LastReferencedDate|LastViewedDate|hs_lastmodifieddate|updatedAt)$/;

function outcome(result: SimulationOutput) {
  return {
    tasks: result.tasks
      .map((task) => ({
        subject: task.subject,
        ownerId: task.ownerId,
        type: task.type,
        status: task.status,
        relatedTo: task.relatedTo,
        dueAt: minute(task.dueAt),
        createdAt: minute(task.createdAt),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    notes: result.notes.map((note) => `${note.relatedTo} ${words(note.body)}`).sort(),
    emails: result.emails.map((email) => `${email.to.join(',')} ${email.subject}`).sort(),
    records: Object.fromEntries(
      Object.entries(result.records).map(([id, fields]) => [
        id,
        Object.fromEntries(Object.entries(fields).filter(([field]) => !STAMPS.test(field))),
      ]),
    ),
  };
}

describe.each(files.map((file) => [file.replace(/^.*\/(shared\/scenarios|scenarios)\//, ''), file]))(
  '%s under faults',
  (_, file) => {
    it(`ends the same as without faults (seeds ${SEEDS.join(', ')})`, async () => {
      const loaded = await loadScenario(file);
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      const clean = await simulate(loaded.loaded, { faults: {} });
      expect(clean.passed, clean.failures.join('\n')).toBe(true);
      for (const seed of SEEDS) {
        const faulty = await simulate(loaded.loaded, { faults: { ...FAULTS, seed } });
        for (const [kind, count] of Object.entries(faulty.injectedFaults ?? {})) {
          injected[kind as keyof FaultTally] += count;
        }
        expect(faulty.failures, `seed ${seed}`).toEqual([]);
        expect(outcome(faulty), `seed ${seed}`).toEqual(outcome(clean));
      }
    });
  },
);

describe('the faults injected over every scenario and seed', () => {
  it('include every kind: error answers, timeouts (some after a write), expired sessions, lost answers, duplicated and delayed deliveries', () => {
    for (const [kind, count] of Object.entries(injected)) expect(count, kind).toBeGreaterThan(0);
  });
});
