/**
 * From YAML text (or an already parsed value, as scenario files carry it inline) to a validated
 * config, or to every problem found, each with its path and, for text, its line and column.
 */
import { checkReferences } from './references.ts';
import { configSchema, type Config } from './schema.ts';
import type { ConfigProblem } from './problem.ts';
import { problemsFromIssues } from './zod-issues.ts';
import { byLine, readYaml } from './yaml-source.ts';

export type ConfigResult =
  | { readonly ok: true; readonly config: Config; readonly warnings: readonly ConfigProblem[] }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

export function validateConfig(value: unknown): ConfigResult {
  const parsed = configSchema.safeParse(value, { reportInput: true });
  const found = checkReferences(parsed.success ? parsed.data : value);
  if (!parsed.success) {
    const errors = [
      ...problemsFromIssues(parsed.error.issues),
      ...found.filter((problem) => problem.severity === 'error'),
    ];
    return { ok: false, problems: errors };
  }
  const errors = found.filter((problem) => problem.severity === 'error');
  if (errors.length) return { ok: false, problems: found };
  return { ok: true, config: parsed.data, warnings: found };
}

export function parseConfigText(text: string): ConfigResult {
  const source = readYaml(text, 'start from the example crmflow.config.yaml');
  if (!source.ok) return source;
  const result = validateConfig(source.value);
  return result.ok
    ? { ...result, warnings: result.warnings.map(source.locate) }
    : { ok: false, problems: result.problems.map(source.locate).sort(byLine) };
}
