/**
 * Invokes a bundled handler in a Node process of its own, as Lambda would: a fresh container with
 * only the environment it is given. Returns the handler's answer and everything the process logged.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

const RUNNER = `
const [bundle, event] = process.argv.slice(1);
const { handler } = await import(bundle);
const context = {
  functionName: 'crmflow-test', functionVersion: '$LATEST', memoryLimitInMB: '256', awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:crmflow-test',
  logGroupName: '/aws/lambda/crmflow-test', logStreamName: 'stream', callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30000, done() {}, fail() {}, succeed() {},
};
try {
  const result = await handler(JSON.parse(event), context);
  process.stdout.write('\\nRESULT ' + JSON.stringify(result ?? null) + '\\n');
  process.exit(0);
} catch (error) {
  process.stdout.write('\\nERROR ' + JSON.stringify({ name: error.name, message: error.message }) + '\\n');
  process.exit(0);
}
`;

export interface Invocation {
  readonly result?: unknown;
  readonly error?: { readonly name: string; readonly message: string };
  /** stdout and stderr: the Powertools log lines. */
  readonly logs: string;
}

export async function invokeBundle(file: string, event: unknown, env: Record<string, string>): Promise<Invocation> {
  const { stdout, stderr } = await run(
    process.execPath,
    ['--input-type=module', '-e', RUNNER, pathToFileURL(file).href, JSON.stringify(event)],
    // Nothing inherited but PATH: no real credentials or endpoints can leak in.
    { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
  );
  const last = stdout.trimEnd().split('\n').pop() ?? '';
  const logs = `${stdout}\n${stderr}`;
  if (last.startsWith('RESULT ')) return { result: JSON.parse(last.slice(7)), logs };
  if (last.startsWith('ERROR ')) return { error: JSON.parse(last.slice(6)), logs };
  throw new Error(`the bundle gave no answer:\n${logs}`);
}

/** Loads a bundle in a fresh process with no environment at all: what a cold start does before any deps. */
export async function exportsOf(file: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      'const m = await import(process.argv[1]); console.log(typeof m.handler)',
      pathToFileURL(file).href,
    ],
    { env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 },
  );
  return stdout.trim();
}
