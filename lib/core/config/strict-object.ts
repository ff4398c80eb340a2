import { distance as editDistance } from 'fastest-levenshtein';
import { z } from 'zod';

/**
 * A zod object that rejects unknown keys and says which known key was probably meant: a typo in a
 * config key otherwise silently drops the setting it was meant to carry.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => unknownKeyMessage(key, known)).join('; ');
      }
      if (issue.code === 'invalid_type') {
        return `expected a mapping with keys ${known.join(', ')}, got ${describe(issue.input)}`;
      }
      return undefined;
    },
  });
}

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  return guess
    ? `unknown key "${key}" — did you mean "${guess}"?`
    : `unknown key "${key}" — known keys: ${known.join(', ')}`;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The known key within edit distance 2 (or differing only in case), if one stands out. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}
