import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../lib/local/scenario/load-scenario.ts';

const shared = fileURLToPath(new URL('../../../../../shared/scenarios/', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/scenarios/${name}`, import.meta.url));

describe('loading scenarios', () => {
  it.each(readdirSync(shared).filter((file) => file.endsWith('.yaml')))(
    'loads the shared scenario %s',
    async (file) => {
      const result = await loadScenario(`${shared}${file}`);
      expect(result.ok ? [] : result.problems).toEqual([]);
    },
  );

  it('reports every problem of a malformed scenario with its line and path', async () => {
    const file = fixture('malformed.yaml');
    const result = await loadScenario(file);
    expect(result.ok).toBe(false);
    const problems = (result.ok ? [] : result.problems).map((line) => line.replace(`${file}:`, ''));
    expect(problems).toEqual([
      '3:8 start: "2026-12-02T09:00:00" is not a timestamp — write ISO 8601 with an offset, e.g. 2026-12-02T09:00:00+02:00',
      '4:8 until: "5x" is neither an offset nor a timestamp — write 90m, 26h, 1d5h, or 2026-12-02T09:00:00+02:00',
      '7:5 events[0]: says create and update — give exactly one of create, update or delete, with the record type',
      '11:5 events[1]: which record? — an update needs id or match',
      '14:9 faults: unknown key "retries" — known keys: duplicateWebhooks, outOfOrder, crmErrors, crashAfterCrmWrite, seed',
      '14:30 faults.duplicateWebhooks: deliveries per webhook start at 1 — 3 means each webhook arrives three times',
      '14:44 faults.crmErrors: crmErrors is a fraction — write a number from 0 to 1, e.g. 0.3',
      '16:5 expect[0]: names task and email — give exactly one of task, note, email or record',
      '18:13 expect[1].record.id: missing — a record expectation names the record by id',
    ]);
  });

  it('names the path inside an inline config', async () => {
    const file = fixture('malformed.yaml');
    const text = (await import('node:fs'))
      .readFileSync(file, 'utf8')
      .replace('start: "2026-12-02T09:00:00"', 'start: "2026-12-02T09:00:00+02:00"')
      .replace('until: 5x', 'until: 5d');
    const fixed = `${fixture('')}fixed.tmp.yaml`;
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(fixed, text.split('\nevents:')[0] ?? '');
    try {
      const result = await loadScenario(fixed);
      expect(result.ok ? [] : result.problems.map((line) => line.replace(`${fixed}:`, ''))).toEqual([
        '5:114 config.escalation[0].calendar: no calendar named "nope" — there are no calendars',
        '5:151 config.escalation[0].tiers[0].assignTo: no target named "x" — there are no targets',
      ]);
    } finally {
      rmSync(fixed);
    }
  });
});
