/**
 * The config file the stack deploys: read, parsed and validated exactly as `crmflow validate` does,
 * so synth fails with the same located problems the CLI prints.
 */
import { readFileSync } from 'node:fs';
import { formatProblem, parseConfigText, type Config, type ConfigProblem } from '../core/config/index.ts';

export class ConfigFileError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(path: string, problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `${path}: ${count} — fix the config before synth (npx crmflow validate ${path})\n` +
        problems.map((problem) => formatProblem(problem, path)).join('\n'),
    );
    this.name = 'ConfigFileError';
    this.problems = problems;
  }
}

export interface LoadedConfig {
  readonly config: Config;
  /** Printed by the app; they do not fail synth. */
  readonly warnings: readonly string[];
}

export function loadConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`crmflow: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const result = parseConfigText(text);
  if (!result.ok) throw new ConfigFileError(path, result.problems);
  return { config: result.config, warnings: result.warnings.map((problem) => formatProblem(problem, path)) };
}
