/**
 * Fuzz: scenario files. Generated files — random text, YAML syntax soup, a real scenario with one
 * node replaced or removed (its inline config included), lines cut or shifted, deep nesting, alias
 * bombs, and scenarios pointing at a broken config file — through loadScenario: it never throws,
 * and every problem is told clearly (located, with a hint), never as a stack trace.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadScenario } from '../../lib/local/scenario/load-scenario.ts';
import {
  CONFIG_FUZZ_SEED,
  aliasBomb,
  deepYaml,
  deletedNode,
  mangledLines,
  randomText,
  replacedNode,
  stackTraceIn,
  yamlish,
} from './config-fuzz-harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIOS = resolve(ROOT, 'test/scenarios/escalation');
const CONFIG_TEXT = readFileSync(join(SCENARIOS, '_config.yaml'), 'utf8');
/** A real scenario, its config inlined so the file stands alone in the temp dir. */
const scenario = {
  ...(parse(readFileSync(join(SCENARIOS, 'holidays.yaml'), 'utf8')) as object),
  config: parse(CONFIG_TEXT),
};
const SCENARIO_TEXT = stringify(scenario);
const withConfigFile = { ...scenario, config: 'broken.config.yaml' };

const RUNS = 500;
const dir = mkdtempSync(join(tmpdir(), 'crmflow-scenario-fuzz-'));
const FILE = join(dir, 'fuzz.scenario.yaml');
const CONFIG_FILE = join(dir, 'broken.config.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Generated {
  readonly how: string;
  readonly text: string;
  /** When set, the scenario names broken.config.yaml and this is its text. */
  readonly config?: string;
}

const files: fc.Arbitrary<Generated> = fc.oneof(
  randomText.map((text) => ({ how: 'random text', text })),
  yamlish.map((text) => ({ how: 'YAML syntax soup', text })),
  replacedNode(scenario),
  replacedNode(scenario),
  deletedNode(scenario),
  mangledLines(SCENARIO_TEXT).map((text) => ({ how: 'lines mangled', text })),
  deepYaml.map((text) => ({ how: 'deep nesting', text })),
  aliasBomb.map((text) => ({ how: 'alias bomb', text })),
  fc
    .oneof(
      randomText.map((text) => ({ how: 'random text', text })),
      replacedNode(parse(CONFIG_TEXT)),
      deletedNode(parse(CONFIG_TEXT)),
      aliasBomb.map((text) => ({ how: 'alias bomb', text })),
    )
    .map(({ how, text }) => ({ how: `config file: ${how}`, text: stringify(withConfigFile), config: text })),
);

/** One example per problem shape, for the located/hint tests. */
const unlocated = new Map<string, string>();
const unhinted = new Map<string, string>();
let checked = 0;

function record(into: Map<string, string>, how: string, text: string, problem: string) {
  // The message alone: without `<file>:<line>:<col> <path>: ` (twice for a config file's problems).
  const shape = problem
    .replaceAll(dir, '<dir>')
    .replace(/^(?:(?:<dir>\/\S+:\d+:\d+ )?\S+: ){1,2}/, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g, 'N')
    .slice(0, 160);
  if (!into.has(shape)) into.set(shape, `${how.slice(0, 60)} | input ${JSON.stringify(text.slice(0, 80))}`);
}

describe('fuzzing scenario files', () => {
  it('loadScenario never throws, and no problem is a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(files, async ({ how, text, config }) => {
        await writeFile(FILE, text, 'utf8');
        if (config !== undefined) await writeFile(CONFIG_FILE, config, 'utf8');
        let result: Awaited<ReturnType<typeof loadScenario>>;
        try {
          result = await loadScenario(FILE);
        } catch (error) {
          throw new Error(`${how}: loadScenario threw ${String(error)}`, { cause: error });
        }
        if (!result.ok) {
          expect(result.problems.length, how).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(stackTraceIn(problem, ROOT), `${how}: ${problem}`).toBeUndefined();
            // `<file>:<line>:<col> <path>: …`, or `<path>: …` where the path is not the top level.
            const located = problem.startsWith(`${FILE}:`) || !problem.startsWith('(top level)');
            if (!located && !problem.includes('the file is empty')) record(unlocated, how, text, problem);
            if (!/\S — \S/.test(problem)) record(unhinted, how, text, problem);
          }
        }
        checked++;
      }),
      { numRuns: RUNS, seed: CONFIG_FUZZ_SEED },
    );
  });

  it('every problem is located: the file and line, or a path in the scenario', () => {
    expect(checked, 'run with the property above').toBeGreaterThanOrEqual(RUNS);
    expect(Object.fromEntries(unlocated)).toEqual({});
  });

  it("every problem's message says what is wrong, then ' — ' and a hint", () => {
    expect(checked, 'run with the property above').toBeGreaterThanOrEqual(RUNS);
    expect(Object.fromEntries(unhinted)).toEqual({});
  });

  it('positive control: the scenario loads as generated from', async () => {
    await writeFile(FILE, SCENARIO_TEXT, 'utf8');
    const result = await loadScenario(FILE);
    expect(result.ok ? 'ok' : result.problems).toBe('ok');
  });
});
