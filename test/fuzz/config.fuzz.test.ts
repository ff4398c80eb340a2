/**
 * Fuzz: config files. Generated documents — random text, YAML syntax soup, the example config with
 * one node replaced by a value of another shape or removed, lines cut or shifted, deep nesting,
 * alias bombs — through parseConfigText: it never throws, and every problem is told clearly
 * (located, with a hint), never as a stack trace.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatPath, formatProblem, parseConfigText, type ConfigProblem } from '../../lib/core/config/index.ts';
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
const EXAMPLE = readFileSync(resolve(ROOT, 'crmflow.config.yaml'), 'utf8');
const FIVE_MISTAKES = readFileSync(resolve(ROOT, 'test/fixtures/config/five-mistakes.yaml'), 'utf8');
const example = parse(EXAMPLE) as unknown;

const RUNS = 1_000;

const documents: fc.Arbitrary<{ how: string; text: string }> = fc.oneof(
  randomText.map((text) => ({ how: 'random text', text })),
  yamlish.map((text) => ({ how: 'YAML syntax soup', text })),
  replacedNode(example),
  replacedNode(example),
  deletedNode(example),
  mangledLines(EXAMPLE).map((text) => ({ how: 'lines mangled', text })),
  mangledLines(FIVE_MISTAKES).map((text) => ({ how: 'five-mistakes, lines mangled', text })),
  deepYaml.map((text) => ({ how: 'deep nesting', text })),
  aliasBomb.map((text) => ({ how: 'alias bomb', text })),
);

/**
 * One pass of RUNS generated documents, shared by the properties below: parsing the example config
 * costs milliseconds, so each document is parsed once. The first property fails on a throw or a
 * stack trace; the located/hint rules are collected per kind and told by their own tests.
 */
const unlocated = new Map<string, string>();
const unhinted = new Map<string, string>();
let checked = 0;

/** Keeps one example per message shape (values and numbers blanked), with where it was and the input. */
function record(into: Map<string, string>, how: string, text: string, problem: ConfigProblem) {
  const shape = problem.message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g, 'N')
    .slice(0, 140);
  if (!into.has(shape)) {
    const where = `${formatPath(problem.path)}${problem.line === undefined ? '' : ` (line ${problem.line})`}`;
    into.set(shape, `${how.slice(0, 60)} | at ${where} | input ${JSON.stringify(text.slice(0, 80))}`);
  }
}

describe('fuzzing config files', () => {
  it('parseConfigText never throws, and no problem is a stack trace', () => {
    fc.assert(
      fc.property(documents, ({ how, text }) => {
        let result: ReturnType<typeof parseConfigText>;
        try {
          result = parseConfigText(text);
        } catch (error) {
          throw new Error(`${how}: parseConfigText threw ${String(error)}`, { cause: error });
        }
        for (const problem of result.ok ? result.warnings : result.problems) {
          const shown = formatProblem(problem, 'crmflow.config.yaml');
          expect(problem.message.trim(), `${how}: ${shown}`).not.toBe('');
          expect(stackTraceIn(shown, ROOT), `${how}: ${shown}`).toBeUndefined();
          // An empty file has nothing to point at: its problem is the whole file.
          const located = problem.path.length > 0 || problem.line !== undefined;
          if (!located && !problem.message.startsWith('the file is empty')) record(unlocated, how, text, problem);
          if (!/\S — \S/.test(problem.message)) record(unhinted, how, text, problem);
        }
        checked++;
      }),
      { numRuns: RUNS, seed: CONFIG_FUZZ_SEED },
    );
  });

  it('every problem is located: a path in the document, or a line', () => {
    expect(checked, 'run with the property above').toBeGreaterThanOrEqual(RUNS);
    expect(Object.fromEntries(unlocated)).toEqual({});
  });

  it("every problem's message says what is wrong, then ' — ' and a hint", () => {
    expect(checked, 'run with the property above').toBeGreaterThanOrEqual(RUNS);
    expect(Object.fromEntries(unhinted)).toEqual({});
  });

  it('positive control: the example config parses, and the generators do produce problems', () => {
    expect(parseConfigText(EXAMPLE).ok).toBe(true);
    const sample = fc.sample(documents, { numRuns: 200, seed: CONFIG_FUZZ_SEED });
    expect(sample.filter(({ text }) => !parseConfigText(text).ok).length).toBeGreaterThan(150);
  });
});
