import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'crmflow-dev-'));
afterEach(() => rmSync(data, { recursive: true, force: true }));

/** `npm start` as a person runs it: watch the demo escalate, then Ctrl-C. */
describe('crmflow dev', () => {
  it('plays the demo until a case escalates, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['bin/crmflow.js', 'dev', '--port', '0', '--data', data], { cwd: root });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/escalated to senior-reps \(tier 1\)/.test(output)) resolve();
      });
      child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit, `crmflow dev's output:\n${output}`).toBe(0);
    expect(output).toContain('crmflow is running');
    expect(output).toMatch(/webhooks\s+http:\/\/127\.0\.0\.1:\d+\/webhooks/);
    expect(output).toContain('stopping');
    expect(readdirSync(join(data, 'outbox')).some((file) => file.endsWith('.eml'))).toBe(true);
  });
});
