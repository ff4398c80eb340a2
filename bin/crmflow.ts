/**
 * The crmflow command line. Each command lives in lib/cli; this file only wires them to commander.
 * Run it as `npm run crmflow -- <command>` in a checkout, or `npx crmflow <command>` where installed.
 */
import { Command } from 'commander';
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

program
  .command('schema')
  .description('print the JSON Schema of crmflow.config.yaml (for editors)')
  .action(() => {
    process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

await program.parseAsync();
