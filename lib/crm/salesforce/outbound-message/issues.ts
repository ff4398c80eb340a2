import type { z } from 'zod';
import { formatPath } from '../../../core/config/problem.ts';

/**
 * zod issues → one line for a rejection: where and what, for the first few (zod's messages carry
 * no input values). An attribute reads as `sObject@type`, as the parser's `@_type` key would puzzle.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], shown = 3): string {
  const lines = issues.slice(0, shown).map((issue) => `${where(issue.path)}: ${issue.message}`);
  const more = issues.length > shown ? ` (and ${issues.length - shown} more)` : '';
  return lines.join('; ') + more;
}

function where(path: readonly PropertyKey[]): string {
  const parts = path.filter((part): part is string | number => typeof part !== 'symbol');
  const last = parts.at(-1);
  if (typeof last === 'string' && last.startsWith('@_')) return `${formatPath(parts.slice(0, -1))}@${last.slice(2)}`;
  return formatPath(parts);
}
