/**
 * From YAML text (or an already parsed value, as scenario files carry it inline) to a validated
 * config, or to every problem found, each with its path and, for text, its line and column.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { checkReferences } from './references.ts';
import { configSchema, type Config } from './schema.ts';
import type { ConfigProblem } from './problem.ts';
import { problemsFromIssues } from './zod-issues.ts';

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
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = lines.linePos(error.pos[0]);
        return {
          path: [],
          message: `${error.message.split('\n')[0]} — this is not valid YAML`,
          severity: 'error' as const,
          line: position.line,
          column: position.col,
        };
      }),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml refuses documents whose aliases would expand beyond reason (a "billion laughs").
    return {
      ok: false,
      problems: [
        {
          path: [],
          message: `${(error as Error).message} — write the values out, without so many aliases`,
          severity: 'error',
        },
      ],
    };
  }
  if (value === null || value === undefined) {
    return {
      ok: false,
      problems: [
        { path: [], message: 'the file is empty — start from the example crmflow.config.yaml', severity: 'error' },
      ],
    };
  }
  const result = validateConfig(value);
  const locate = (problem: ConfigProblem) => ({ ...problem, ...position(document, lines, problem.path) });
  return result.ok
    ? { ...result, warnings: result.warnings.map(locate) }
    : { ok: false, problems: result.problems.map(locate).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** Line and column of the deepest node of `path` that exists in the document. */
function position(document: Document, lines: LineCounter, path: readonly (string | number)[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range && (depth > 0 || isMap(node) || isSeq(node))) {
      const { line, col } = lines.linePos(range[0]);
      return { line, column: col };
    }
  }
  return {};
}
