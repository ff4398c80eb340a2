import type { z } from 'zod';
import { describe } from './strict-object.ts';
import type { ConfigProblem } from './problem.ts';

/**
 * zod issues → config problems, one per wrong value. A union that failed is told through the
 * branch the value was closest to, not as "Invalid input".
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return withoutMissingMisspelt(flatten(issues, []));
}

function flatten(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): ConfigProblem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path].filter((part) => typeof part !== 'symbol') as (string | number)[];
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && !issue.message.includes(' — ')) {
      return flatten(closestBranch(issue.errors), path);
    }
    return [{ path, message: messageOf(issue), severity: 'error' as const }];
  });
}

/** The branch whose problems lie deepest: the value matched its shape and went wrong further in. */
function closestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  const depth = (issues: readonly z.core.$ZodIssue[]) =>
    Math.max(...issues.map((issue) => issue.path.length + (issue.code === 'invalid_type' ? 0 : 0.5)));
  return [...branches].sort((a, b) => depth(b) - depth(a))[0] ?? [];
}

/** How to name what was expected, and how to write it. */
const WANTED: Readonly<Record<string, { name: string; hint: string }>> = {
  array: { name: 'a list', hint: 'write a list, e.g. [a, b], or one "- item" per line' },
  object: { name: 'a mapping', hint: 'write key: value pairs, e.g. { key: value }' },
  string: { name: 'a string', hint: 'write text, quoted if it looks like a number or a date' },
  number: { name: 'a number', hint: 'write a number, e.g. 3' },
  boolean: { name: 'a boolean', hint: 'write true or false' },
};

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.message.includes(' — ')) return issue.message;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        return `expected text, got ${describe(input)} — put it in quotes: "${String(input)}"`;
      }
      const wanted = WANTED[issue.expected] ?? {
        name: `a ${issue.expected}`,
        hint: `write ${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`} here`,
      };
      return input === undefined
        ? `missing — add ${wanted.name} here`
        : `expected ${wanted.name}, got ${describe(input)} — ${wanted.hint}`;
    }
    case 'invalid_value':
      return `${describe(input)} is not allowed — use ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'too_small':
      return `${issue.message} — add more`;
    default:
      // Every message names a fix; for zod's own wording the schema is where to look.
      return `${issue.message} — see what this key takes in crmflow.schema.json`;
  }
}

/** A key written with a typo is also reported missing under its right name: tell it once, as the typo. */
function withoutMissingMisspelt(problems: ConfigProblem[]): ConfigProblem[] {
  const meant = new Set<string>();
  for (const problem of problems) {
    for (const match of problem.message.matchAll(/did you mean "([^"]+)"/g))
      meant.add(JSON.stringify([...problem.path, match[1]]));
  }
  return problems.filter(
    (problem) => !(problem.message.startsWith('missing') && meant.has(JSON.stringify(problem.path))),
  );
}
