import type { z } from 'zod';
import { formatPath } from '../../core/config/problem.ts';

/**
 * zod issues → one line for a rejection: where and what, for the first few. zod's messages carry no
 * input values, and paths hold key names only, so the line can be logged and answered.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], shown = 3): string {
  const lines = issues.slice(0, shown).map((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    return `${formatPath(path)}: ${issue.message}`;
  });
  const more = issues.length > shown ? ` (and ${issues.length - shown} more)` : '';
  return lines.join('; ') + more;
}
