import type { Instant } from '../../../core/time/instant.ts';

/** HubSpot answers datetimes as `2026-12-02T07:00:00.000Z`: UTC with milliseconds. */
export const hsDateTime = (t: Instant): string => new Date(t).toISOString();

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MILLIS = /^-?\d{1,15}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A value HubSpot takes for a datetime property → instant: epoch milliseconds (number or digits),
 * ISO with Z or an offset, or a date (its UTC midnight). Undefined for anything else.
 */
export function parseHsInstant(value: unknown): Instant | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (MILLIS.test(text)) return Number(text);
  if (isDate(text)) return Date.parse(`${text}T00:00:00Z`);
  if (!DATETIME.test(text)) return undefined;
  const t = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(t) ? t : undefined;
}
