/**
 * A scenario file → a validated scenario and the config it runs with (inline, a path relative to
 * the file, or the project's crmflow.config.yaml), or every problem with its place in the file.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  formatProblem,
  parseConfigText,
  validateConfig,
  type Config,
  type ConfigProblem,
} from '../../core/config/index.ts';
import { byLine, readYaml } from '../../core/config/yaml-source.ts';
import { problemsFromIssues } from '../../core/config/zod-issues.ts';
import { resolveTime } from './offset.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
  readonly config: Config;
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
}

export type ScenarioResult = { ok: true; loaded: LoadedScenario } | { ok: false; problems: string[] };

export async function loadScenario(file: string, options: { defaultConfig?: string } = {}): Promise<ScenarioResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, problems: [`${file}: ${reason}`] };
  }
  const source = readYaml(text, 'a scenario needs at least name, crm, start and until');
  const fail = (problems: readonly ConfigProblem[]) => ({
    ok: false as const,
    problems: problems.map((problem) => formatProblem(problem, file)),
  });
  if (!source.ok) return fail(source.problems);
  const parsed = scenarioSchema.safeParse(source.value, { reportInput: true });
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues).map(source.locate).sort(byLine));
  const scenario = parsed.data;

  const start = resolveTime(scenario.start, 0) as number;
  const end = resolveTime(scenario.until, start) as number;
  const timeProblems: ConfigProblem[] = [];
  if (end <= start)
    timeProblems.push({
      path: ['until'],
      message: 'ends before the start — give an offset such as 5d',
      severity: 'error',
    });
  scenario.events.forEach((event, i) => {
    const at = resolveTime(event.at, start) as number;
    if (at < start || at > end) {
      timeProblems.push({
        path: ['events', i, 'at'],
        message: 'falls outside start…until — move it, or extend until',
        severity: 'error',
      });
    }
  });
  if (timeProblems.length) return fail(timeProblems.map(source.locate));

  const config = await scenarioConfig(file, scenario, options.defaultConfig ?? 'crmflow.config.yaml');
  if (!config.ok) {
    return { ok: false, problems: config.problems.map((problem) => formatProblem(source.locate(problem), file)) };
  }
  return { ok: true, loaded: { file, scenario, config: config.config, start, end } };
}

async function scenarioConfig(
  file: string,
  scenario: Scenario,
  defaultConfig: string,
): Promise<{ ok: true; config: Config } | { ok: false; problems: ConfigProblem[] }> {
  if (typeof scenario.config === 'object') {
    const result = validateConfig(scenario.config);
    if (result.ok) return { ok: true, config: result.config };
    return {
      ok: false,
      problems: result.problems.map((problem) => ({ ...problem, path: ['config', ...problem.path] })),
    };
  }
  const path = scenario.config === undefined ? resolve(defaultConfig) : resolve(dirname(file), scenario.config);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {
      ok: false,
      problems: [
        {
          path: ['config'],
          message: `cannot read the config ${path} — give a path relative to the scenario`,
          severity: 'error',
        },
      ],
    };
  }
  const result = parseConfigText(text);
  if (result.ok) return { ok: true, config: result.config };
  return {
    ok: false,
    problems: result.problems.map((problem) => ({
      ...problem,
      path: ['config'],
      message: `${formatProblem(problem, path)}`,
      line: undefined,
    })),
  };
}
