/**
 * `crmflow dev` (`npm start`): the whole local stack in one process on a clock that runs faster than
 * real time, a demo org and cases, and the timeline printed as it happens. Ctrl-C stops it.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { formatProblem, parseConfigText } from '../core/config/index.ts';
import type { RecordRef } from '../core/model/crm-event.ts';
import type { AuditEntry } from '../core/ports/store.ts';
import { failureAdmin } from '../core/failures/failure-admin.ts';
import { failuresRoutes } from '../local/admin/failures-routes.ts';
import { ADMIN_PREFIX, FAILURES_PATH } from '../local/admin/paths.ts';
import { ScaledClock } from '../local/clock/index.ts';
import { playDemo, seedDemoOrg } from '../local/demo.ts';
import { startLocalStack } from '../local/stack.ts';

export interface DevOptions {
  readonly config: string;
  readonly port: number;
  readonly speed: number;
  readonly demo: boolean;
  readonly data: string;
}

export async function devCommand(
  options: DevOptions,
  out: (line: string) => void = console.log,
): Promise<() => Promise<void>> {
  const parsed = parseConfigText(await readFile(options.config, 'utf8'));
  if (!parsed.ok) {
    throw new Error(
      [
        `${options.config} is not valid:`,
        ...parsed.problems.map((problem) => formatProblem(problem, options.config)),
      ].join('\n'),
    );
  }
  // The emulated org lives in memory, so crmflow's own state starts afresh with it: records and
  // event ids from an earlier run would otherwise shadow the new org's (the emulator reuses ids).
  await rm(join(options.data, 'dynamo'), { recursive: true, force: true });
  await rm(join(options.data, 'outbox'), { recursive: true, force: true });
  const clock = new ScaledClock(Date.now(), { speed: options.speed });
  const zone = [...Object.values(parsed.config.calendars)][0]?.timezone ?? 'UTC';
  const at = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL HH:mm');
  const stack = await startLocalStack({
    config: parsed.config,
    clock,
    dataDirectory: options.data,
    port: options.port,
    // dev runs for days at an hour a second: keep the history of executions that did not succeed only.
    executionHistory: 'unsucceeded',
    onAudit: (ref: RecordRef, entry: AuditEntry) => {
      // crmflow's own writes come back as webhooks too; only what changed something is news.
      if (/\((ignored|unchanged|duplicate)\)$/.test(entry.summary)) return;
      out(`${at(entry.at)}  ${ref.kind} ${ref.id}  ${entry.summary}`);
    },
  });
  // The admin API beside the edge: `crmflow failures --dev <url>` lists and retries through it.
  stack.edge.mountAdmin(ADMIN_PREFIX, failuresRoutes(failureAdmin({ store: stack.store, workflows: stack.workflows })));
  out(`crmflow is running — one real second is ${describeSpeed(options.speed)} (times below: ${zone})`);
  out(`  webhooks       ${stack.edge.url}/webhooks/…`);
  if (stack.salesforce) {
    out(
      `  Salesforce     ${stack.salesforce.url}  (emulator; jsforce instanceUrl, token ${stack.salesforce.accessToken})`,
    );
    out(`  Outbound Messages go to ${stack.salesforceOutboundUrl}`);
  }
  out(`  failures       ${stack.edge.url}${FAILURES_PATH}  (crmflow failures list --dev ${stack.edge.url})`);
  out(`  data, e-mails  ${options.data}/ (DynamoDB data, outbox/*.eml)`);
  out('  Ctrl-C stops it.');
  if (options.demo && stack.salesforce) {
    seedDemoOrg(stack.salesforce, parsed.config);
    out('');
    out(`${at(clock.now())}  demo: an urgent and a high-priority case are logged by Aino Agent`);
    playDemo(stack.salesforce);
  }
  return () => stack.close();
}

function describeSpeed(speed: number): string {
  if (speed === 1) return 'one second';
  if (speed % 3600 === 0) return `${speed / 3600} hour${speed === 3600 ? '' : 's'}`;
  if (speed % 60 === 0) return `${speed / 60} minutes`;
  return `${speed} seconds`;
}
