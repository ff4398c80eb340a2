/**
 * YAML text → a plain value, keeping the document so each problem found later can be given its
 * line and column. Shared by config files and scenario files.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
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
    // yaml refuses documents whose aliases would expand beyond reason (a "billion laughs").
    const message = `${(error as Error).message} — write the values out, without so many aliases`;
    return { ok: false, problems: [{ path: [], message, severity: 'error' }] };
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
    if (range && (depth > 0 || isMap(node) || isSeq(node))) {
      const { line, col } = lines.linePos(range[0]);
      return { line, column: col };
    }
  }
  return {};
}
