import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** The CLI as users run it: a child process, its exit code, what it printed. */
async function crmflow(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/crmflow.js', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('crmflow validate', () => {
  it('passes the example config with a summary and exit 0', async () => {
    const result = await crmflow('validate');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^crmflow\.config\.yaml is valid\n/);
    expect(result.stdout).toContain('escalation  urgent-incidents (30m → senior-reps');
  });

  it('prints every problem with its place and exits 1', async () => {
    const result = await crmflow('validate', 'test/fixtures/config/five-mistakes.yaml');
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('test/fixtures/config/five-mistakes.yaml: 5 problems');
    expect(lines.slice(1).map((line) => line.split(' ')[1])).toEqual([
      'calendars.support-fi.timezone:',
      'calendars.support-fi.hours.tue[0]:',
      'escalation[0].when.priority[1]:',
      'escalation[0].tiers[1].after:',
      'escalation[0].tiers[2].assignTo:',
    ]);
  });

  it('says so when the file does not exist', async () => {
    const result = await crmflow('validate', 'no-such.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "no-such.yaml: no such file — pass the config's path, e.g. crmflow validate crmflow.config.yaml\n",
    );
  });

  it('prints JSON with --json', async () => {
    const result = await crmflow('validate', 'test/fixtures/config/five-mistakes.yaml', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stderr) as { valid: boolean; problems: { where: string; line: number }[] };
    expect(report.valid).toBe(false);
    expect(report.problems.map((problem) => problem.line)).toEqual([4, 5, 12, 16, 17]);
  });

  it('has --help', async () => {
    const result = await crmflow('validate', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: crmflow validate [options] [file]');
  });
});

describe('crmflow schema', () => {
  it('prints the JSON Schema that is committed as crmflow.schema.json', async () => {
    const { readFile } = await import('node:fs/promises');
    const result = await crmflow('schema');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await readFile(`${root}/crmflow.schema.json`, 'utf8'));
  });
});
