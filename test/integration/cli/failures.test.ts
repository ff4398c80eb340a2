/**
 * `crmflow failures --dev` as an admin runs it, against a running `crmflow dev` whose escalation
 * cannot assign its case (the config names a queue the org does not have): list the failure, retry
 * it, and see the retry fail again under the same id — a new open entry, recorded later.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailureEntry } from '../../../lib/core/ports/store.ts';
import { devFailureAdmin } from '../../../lib/local/admin/failures-client.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
const data = mkdtempSync(join(tmpdir(), 'crmflow-failures-'));

const CONFIG = `
calendars:
  always: { timezone: UTC, hours: 24x7 }
crm:
  salesforce: { orgId: '00D000000000001AAA' }
targets:
  ghost-queue: { salesforce: '00G000000000099AAA' }
escalation:
  - name: high
    when: { priority: [high] }
    calendar: always
    tiers:
      - { after: 30m, assignTo: ghost-queue }
`;

async function crmflow(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/crmflow.js', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Asks until `check` holds (the dev clock runs an hour a second: a few real seconds at most). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (check(value)) return value;
    if (attempt > 200) throw new Error(`still not there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let dev: ChildProcess;
let url = '';
beforeAll(async () => {
  const config = join(data, 'crmflow.config.yaml');
  writeFileSync(config, CONFIG);
  dev = spawn(
    process.execPath,
    ['bin/crmflow.js', 'dev', '--port', '0', '--no-demo', '--data', data, '--config', config],
    { cwd: root },
  );
  let output = '';
  const salesforce = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    dev.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const failures = /failures\s+(http:\/\/127\.0\.0\.1:\d+)\/_crmflow\/failures/.exec(output);
      const emulator = /Salesforce\s+(http:\/\/127\.0\.0\.1:\d+)\s+\(emulator; jsforce instanceUrl, token (\S+)\)/.exec(
        output,
      );
      if (failures?.[1] && emulator?.[1] && emulator[2]) {
        url = failures[1];
        resolve({ url: emulator[1], token: emulator[2] });
      }
    });
    dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.once('exit', () => reject(new Error(`crmflow dev exited early:\n${output}`)));
  });
  // An agent logs a high case through the REST API; the org tells crmflow with an Outbound Message.
  const created = await fetch(`${salesforce.url}/services/data/v62.0/sobjects/Case`, {
    method: 'POST',
    headers: { authorization: `Bearer ${salesforce.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ Subject: 'Invoice shows wrong VAT', Priority: 'High', Status: 'New' }),
  });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  if (dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGINT');
    await exited;
  }
  rmSync(data, { recursive: true, force: true });
});

describe('crmflow failures --dev', () => {
  let failure: FailureEntry;

  it('lists the open failure as a table, and as JSON', async () => {
    const admin = devFailureAdmin(url);
    [failure] = (await eventually(
      () => admin.list('open'),
      (list) => list.length > 0,
    )) as [FailureEntry];

    const table = await crmflow('failures', 'list', '--dev', url);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('1 open failure');
    expect(lines[1]).toMatch(/^ID\s+AT\s+WORKFLOW\s+RECORD\s+STEP\s+ERROR\s+CAUSE$/);
    expect(lines[2]).toContain(failure.id);
    expect(lines[2]).toContain(new Date(failure.at).toISOString());
    expect(lines[2]).toMatch(
      /escalation\s+salesforce case 500\w+\s+act\s+CrmPermanentError\s+.*INVALID_CROSS_REFERENCE_KEY/,
    );

    const json = await crmflow('failures', 'list', '--dev', url, '--json');
    expect(JSON.parse(json.stdout)).toEqual({ failures: [{ ...failure, at: new Date(failure.at).toISOString() }] });
  });

  it('retries it: started, and when it fails again, a new open entry under the same id', async () => {
    const retried = await crmflow('failures', 'retry', failure.id, '--dev', url);
    expect(retried.code).toBe(0);
    expect(retried.stdout.trim()).toBe(`${failure.id}  started (execution ${failure.id}-retry-${failure.at})`);

    // The queue is still missing, so the retried execution fails as the first did.
    const all = await eventually(
      () => devFailureAdmin(url).list(),
      (list) => list.length === 2,
    );
    expect(all.map((entry) => [entry.id, entry.state])).toEqual([
      [failure.id, 'retried'],
      [failure.id, 'open'],
    ]);
    expect(all[1]?.at).toBeGreaterThan(failure.at);
    const listed = await crmflow('failures', 'list', '--dev', url, '--all');
    expect(listed.stdout.split('\n')[1]).toMatch(/CAUSE\s+STATE$/);
  });

  it('exits 1 for an id it does not know, saying so', async () => {
    const result = await crmflow('failures', 'retry', 'escalation-salesforce-nope-v1', '--dev', url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('escalation-salesforce-nope-v1  not found');
  });

  it('exits 1 with one clear line for contradictory or missing options', async () => {
    const both = await crmflow('failures', 'list', '--dev', url, '--stack', 'CrmFlow');
    expect(both.code).toBe(1);
    expect(both.stderr.trim()).toBe(
      'crmflow failures: --dev reads a running crmflow dev; --stack and --region name a deployed stack: pass one or the other',
    );
    const nothing = await crmflow('failures', 'retry', '--dev', url);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('name the failures to retry');
  });
});
