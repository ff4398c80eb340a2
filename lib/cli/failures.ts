/**
 * `crmflow failures list | retry`: the failures workflows recorded (their RecordFailure state), on
 * a deployed stack (`--stack`, the default: CrmFlow) or in a running `crmflow dev` (`--dev`), and
 * retrying them — each retried failure runs its workflow again exactly once.
 */
import type { FailureAdmin } from '../core/failures/failure-admin.ts';
import type { RetryReport } from '../core/failures/retry-failures.ts';
import type { FailureSelection } from '../core/failures/select-failures.ts';
import type { FailureEntry } from '../core/ports/store.ts';
import { toIso } from '../core/time/instant.ts';

export interface SourceOptions {
  readonly stack?: string;
  readonly region?: string;
  /** `true` when given without a URL: crmflow dev's default address. */
  readonly dev?: string | true;
}

export interface ListOptions extends SourceOptions {
  readonly json?: boolean;
  readonly all?: boolean;
}

export interface RetryOptions extends SourceOptions {
  readonly json?: boolean;
  readonly allOpen?: boolean;
}

export interface CommandOutcome {
  readonly code: 0 | 1;
  readonly stdout?: string;
  readonly stderr?: string;
}

export async function failuresListCommand(options: ListOptions): Promise<CommandOutcome> {
  return withAdmin(options, async (admin) => {
    const failures = await admin.list(options.all ? undefined : 'open');
    if (options.json) return { code: 0, stdout: JSON.stringify({ failures: failures.map(jsonEntry) }, null, 2) };
    if (failures.length === 0) return { code: 0, stdout: options.all ? 'no failures recorded' : 'no open failures' };
    const count = `${failures.length} ${options.all ? '' : 'open '}failure${failures.length === 1 ? '' : 's'}`;
    const hint = options.all
      ? []
      : ['', 'retry: crmflow failures retry <id> … (or --all-open), with the same --stack/--dev'];
    return { code: 0, stdout: [count, ...table(failures, options.all === true), ...hint].join('\n') };
  });
}

export async function failuresRetryCommand(ids: readonly string[], options: RetryOptions): Promise<CommandOutcome> {
  const named = ids.length > 0;
  if (named === (options.allOpen === true)) {
    return {
      code: 1,
      stderr: 'crmflow failures retry: name the failures to retry — crmflow failures retry <id> … — or pass --all-open',
    };
  }
  const selection: FailureSelection = options.allOpen ? { allOpen: true } : { ids };
  return withAdmin(options, async (admin) => {
    const results = await admin.retry(selection);
    const ok = results.every((result) => result.outcome === 'started' || result.outcome === 'already retried');
    const stdout = options.json
      ? JSON.stringify({ results: results.map(jsonReport) }, null, 2)
      : results.length === 0
        ? 'no open failures to retry'
        : describeReports(results);
    return { code: ok ? 0 : 1, stdout };
  });
}

/** Opens the source the options name, runs `work` on it, and turns any error into one clear line. */
async function withAdmin(
  options: SourceOptions,
  work: (admin: FailureAdmin) => Promise<CommandOutcome>,
): Promise<CommandOutcome> {
  let close = () => {};
  try {
    const opened = await openAdmin(options);
    close = opened.close;
    return await work(opened.admin);
  } catch (error) {
    return { code: 1, stderr: `crmflow failures: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    close();
  }
}

async function openAdmin(options: SourceOptions): Promise<{ admin: FailureAdmin; close: () => void }> {
  if (options.dev !== undefined) {
    if (options.stack !== undefined || options.region !== undefined) {
      throw new Error(
        '--dev reads a running crmflow dev; --stack and --region name a deployed stack: pass one or the other',
      );
    }
    // Loaded per source: listing a dev stack's failures loads no AWS SDK.
    const { DEFAULT_DEV_URL, devFailureAdmin } = await import('../local/admin/failures-client.ts');
    return { admin: devFailureAdmin(options.dev === true ? DEFAULT_DEV_URL : options.dev), close: () => {} };
  }
  const { cloudClients, cloudFailureAdmin, closeClients } = await import('../aws/failures/cloud-failures.ts');
  const { DEFAULT_STACK_NAME } = await import('../aws/failures/output-keys.ts');
  const clients = cloudClients(options.region);
  try {
    return {
      admin: await cloudFailureAdmin(options.stack ?? DEFAULT_STACK_NAME, clients),
      close: () => closeClients(clients),
    };
  } catch (error) {
    closeClients(clients);
    throw error;
  }
}

const CAUSE_WIDTH = 60;

function table(failures: readonly FailureEntry[], withState: boolean): string[] {
  const header = ['ID', 'AT', 'WORKFLOW', 'RECORD', 'STEP', 'ERROR', 'CAUSE', ...(withState ? ['STATE'] : [])];
  const rows = failures.map((entry) => [
    entry.id,
    toIso(entry.at),
    entry.workflow,
    `${entry.ref.crm} ${entry.ref.kind} ${entry.ref.id}`,
    entry.step,
    entry.error,
    truncate(entry.cause.replace(/\s+/g, ' ').trim(), CAUSE_WIDTH),
    ...(withState ? [entry.state] : []),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** One line per asked-for failure, ids in a column. */
function describeReports(reports: readonly RetryReport[]): string {
  const width = Math.max(...reports.map((report) => report.id.length));
  return reports.map((report) => `${report.id.padEnd(width)}  ${describeOutcome(report)}`).join('\n');
}

function describeOutcome(report: RetryReport): string {
  switch (report.outcome) {
    case 'started':
      return `started (execution ${report.execution ?? '?'})`;
    case 'already retried':
      return `already retried${report.execution ? ` (execution ${report.execution})` : ''}`;
    case 'not found':
      return 'not found — crmflow failures list --all shows the recorded ones';
    case 'failed':
      return `not retried: ${report.reason ?? 'the start failed'} (it stays open)`;
  }
}

const jsonEntry = (entry: FailureEntry) => ({ ...entry, at: toIso(entry.at) });

const jsonReport = (report: RetryReport) => (report.at === undefined ? report : { ...report, at: toIso(report.at) });
