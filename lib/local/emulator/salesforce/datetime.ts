import type { Instant } from '../../../core/time/instant.ts';

/** Salesforce writes datetimes as `2026-12-02T07:00:00.000+0000`: UTC, milliseconds, an offset without a colon. */
export function sfDateTime(t: Instant): string {
  return new Date(t).toISOString().replace('Z', '+0000');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO datetime with Z or an offset (with or without a colon) → instant; undefined otherwise. */
export function parseDateTime(text: string): Instant | undefined {
  if (!DATETIME.test(text)) return undefined;
  const withColon = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(withColon);
  return Number.isFinite(t) ? t : undefined;
}
