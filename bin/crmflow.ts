/**
 * The crmflow command line. Each command lives in lib/cli; this file only wires them to commander.
 * Run it as `npm run crmflow -- <command>` in a checkout, or `npx crmflow <command>` where installed.
 */
import { Command } from 'commander';
import type { CommandOutcome } from '../lib/cli/failures.ts';
import { configJsonSchema } from '../lib/core/config/index.ts';
import { validateCommand } from '../lib/cli/validate.ts';

const program = new Command()
  .name('crmflow')
  .description('Escalation timers, follow-up calls and order expediting beside Salesforce or HubSpot.')
  .showHelpAfterError('(run crmflow --help for usage)');

program
  .command('validate')
  .description('check a config file: prints a short summary, or every problem with its path and a hint (exit 1)')
  .argument('[file]', 'the config file', 'crmflow.config.yaml')
  .option('--json', 'print the result as JSON')
  .action(async (file: string, options: { json?: boolean }) => {
    const outcome = await validateCommand(file, options);
    (outcome.ok ? process.stdout : process.stderr).write(`${outcome.output}\n`);
    process.exitCode = outcome.ok ? 0 : 1;
  });

program
  .command('dev')
  .description('run crmflow locally: local DynamoDB, the CRM emulator, the webhook edge and the workflows, with a demo')
  .option('--config <file>', 'the config', 'crmflow.config.yaml')
  .option('--port <port>', 'the webhook port', (value) => Number.parseInt(value, 10), 3000)
  .option('--speed <factor>', 'how much faster than real time the clock runs (3600: an hour a second)', Number, 3600)
  .option('--no-demo', 'start without the demo org and cases')
  .option('--data <dir>', 'where local data and e-mails are kept', '.crmflow')
  .action(async (options: { config: string; port: number; speed: number; demo: boolean; data: string }) => {
    try {
      const { devCommand } = await import('../lib/cli/dev.ts');
      const stop = await devCommand(options);
      const shutdown = () => {
        process.stdout.write('\nstopping…\n');
        void stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  });

program
  .command('simulate')
  .description(
    'run a scenario through the local stack on a virtual clock; exit 1 if the file is invalid or an expectation fails',
  )
  .argument('<file>', 'the scenario file (format: shared/scenarios/README.md)')
  .option('--json', 'print the result as one JSON object')
  .option('--config <file>', 'the config for scenarios that do not name one', 'crmflow.config.yaml')
  .action(async (file: string, options: { json?: boolean; config?: string }) => {
    // The local stack is loaded only for the commands that run it: validate stays instant.
    const { simulateCommand } = await import('../lib/cli/simulate.ts');
    const outcome = await simulateCommand(file, options);
    process.stdout.write(`${outcome.output}\n`);
    process.exitCode = outcome.ok ? 0 : 1;
  });

const failures = program
  .command('failures')
  .description('list the failures workflows recorded, and retry them; on the deployed stack (default) or crmflow dev');

/** Where the failures are: one of a deployed stack (--stack, --region) or a running crmflow dev (--dev). */
const withSource = (command: Command) =>
  command
    .option('--stack <name>', 'the deployed stack (default: CrmFlow)')
    .option('--region <region>', "the stack's region (default: AWS_REGION or your profile's)")
    .option('--dev [url]', 'a running crmflow dev instead of a stack (default: http://127.0.0.1:3000)')
    .option('--json', 'print JSON');

const report = (outcome: CommandOutcome) => {
  if (outcome.stdout !== undefined) process.stdout.write(`${outcome.stdout}\n`);
  if (outcome.stderr !== undefined) process.stderr.write(`${outcome.stderr}\n`);
  process.exitCode = outcome.code;
};

withSource(
  failures
    .command('list')
    .description('the open failures: id, when, workflow, record, step, error and cause')
    .option('--all', 'retried ones too'),
).action(async (options: { stack?: string; region?: string; dev?: string | true; json?: boolean; all?: boolean }) => {
  const { failuresListCommand } = await import('../lib/cli/failures.ts');
  report(await failuresListCommand(options));
});

withSource(
  failures
    .command('retry')
    .description('start the failed workflows again, each once; exit 1 when an id is not found or cannot start')
    .argument('[ids...]', 'the failures to retry (their id, as list shows it)')
    .option('--all-open', 'every open failure'),
).action(
  async (
    ids: string[],
    options: { stack?: string; region?: string; dev?: string | true; json?: boolean; allOpen?: boolean },
  ) => {
    const { failuresRetryCommand } = await import('../lib/cli/failures.ts');
    report(await failuresRetryCommand(ids, options));
  },
);

program
  .command('schema')
  .description('print the JSON Schema of crmflow.config.yaml (for editors)')
  .action(() => {
    process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

await program.parseAsync();
