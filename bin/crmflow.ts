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
  .command('schema')
  .description('print the JSON Schema of crmflow.config.yaml (for editors)')
  .action(() => {
    process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

await program.parseAsync();
