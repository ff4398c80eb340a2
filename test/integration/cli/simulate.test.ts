import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

async function crmflow(...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, ['bin/crmflow.js', ...args], { cwd: root });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('crmflow simulate', () => {
  it('prints one JSON object with passed: true for the shared escalation scenario', async () => {
    const result = await crmflow('simulate', '../shared/scenarios/sf-escalation-with-pause.yaml', '--json');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { passed: boolean; tasks: unknown[]; start: string };
    expect(output.passed).toBe(true);
    expect(output.start).toBe('2026-12-02T07:00:00.000Z');
    expect(output.tasks).toHaveLength(2);
  });

  it('prints a readable timeline by default', async () => {
    const result = await crmflow('simulate', '../shared/scenarios/sf-escalation-with-pause.yaml');
    expect(result.stdout).toContain('escalated to specialists (tier 2)');
    expect(result.stdout.trim().endsWith('passed')).toBe(true);
  });

  it('exits 1 with the failed expectation in words', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crmflow-sim-'));
    const file = join(folder, 'wrong.yaml');
    const shared = readFileSync(join(root, '../shared/scenarios/sf-escalation-with-pause.yaml'), 'utf8');
    writeFileSync(
      file,
      shared.replace('createdAt: "2026-12-03T11:00:00+02:00"', 'createdAt: "2026-12-03T12:00:00+02:00"'),
    );
    const result = await crmflow('simulate', file, '--json');
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { passed: boolean; failures: string[] };
    expect(output.passed).toBe(false);
    expect(output.failures).toEqual([
      expect.stringMatching(/^expect\[1\]: 1 task matching .*2026-12-03T12:00:00\+02:00.*, found 0$/),
    ]);
  });

  it('exits 1 naming the bad field of an invalid file', async () => {
    const result = await crmflow('simulate', 'test/fixtures/scenarios/malformed.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('malformed.yaml:4:8 until: "5x" is neither an offset nor a timestamp');
  });
});
