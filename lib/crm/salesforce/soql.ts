import type { Instant } from '../../core/time/instant.ts';

/** A SOQL string literal. jsforce's own escaping misses backslashes; this does not. */
export function soqlString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** A SOQL dateTime literal, `2026-12-02T07:00:00Z` (whole seconds: the documented form). */
export function soqlDateTime(t: Instant): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
