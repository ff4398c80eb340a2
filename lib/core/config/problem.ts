/** One thing wrong with a config, located by its path in the document (and line, once known). */
export interface ConfigProblem {
  readonly path: readonly (string | number)[];
  /** What is wrong, then ` — ` and a hint how to fix it. */
  readonly message: string;
  /** Warnings are printed but do not fail validation. */
  readonly severity: 'error' | 'warning';
  readonly line?: number;
  readonly column?: number;
}

/** `escalation[0].tiers[1].after`; keys that are not plain names are quoted: `fields["order.promisedAt"]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(part)) text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text || '(top level)';
}

export function formatProblem(problem: ConfigProblem, source?: string): string {
  const where = problem.line ? `${source ?? ''}:${problem.line}:${problem.column ?? 1} ` : '';
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}${prefix}${formatPath(problem.path)}: ${problem.message}`;
}
