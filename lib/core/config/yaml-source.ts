/**
 * YAML text → a plain value, keeping the document so each problem found later can be given its
 * line and column. Shared by config files and scenario files.
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { ConfigProblem } from './problem.ts';

export type YamlSource =
  | { readonly ok: true; readonly value: unknown; readonly locate: (problem: ConfigProblem) => ConfigProblem }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

export function readYaml(text: string, emptyHint: string): YamlSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        const message = `${error.message.split('\n')[0]} — this is not valid YAML`;
        return { path: [], message, severity: 'error' as const, line, column: col };
      }),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Only aliases fail here: one without its anchor, or so many that they would expand beyond reason
    // (a "billion laughs"), which yaml refuses. Point at the first alias.
    const text = (error as Error).message.split('\n')[0] ?? 'alias error';
    const hint = /alias count/i.test(text)
      ? 'write the values out, without so many aliases'
      : 'set the anchor (&name) before using *name';
    return {
      ok: false,
      problems: [{ path: [], message: `${text} — ${hint}`, severity: 'error', ...firstAlias(document, lines) }],
    };
  }
  if (value === null || value === undefined) {
    return { ok: false, problems: [{ path: [], message: `the file is empty — ${emptyHint}`, severity: 'error' }] };
  }
  return { ok: true, value, locate: (problem) => ({ ...problem, ...position(document, lines, problem.path) }) };
}

export function byLine(a: ConfigProblem, b: ConfigProblem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Line and column of the deepest node of `path` that exists in the document. */
function position(document: Document, lines: LineCounter, path: readonly (string | number)[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const { line, col } = lines.linePos(range[0]);
      return { line, column: col };
    }
  }
  return {};
}

function firstAlias(document: Document, lines: LineCounter): { line?: number; column?: number } {
  let found: { line?: number; column?: number } = {};
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        found = { line, column: col };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
