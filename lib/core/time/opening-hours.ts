/** Weekly opening hours: per weekday a list of local `HH:MM-HH:MM` ranges, or round the clock. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local time range within one day, in minutes after midnight; `end` may be 1440 (`24:00`). */
export interface OpeningRange {
  readonly startMinute: number;
  readonly endMinute: number;
}

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const RANGE_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)$';
export const TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';

/** `08:00-17:00` → minutes; undefined when malformed or empty (`17:00-08:00`, `24:30`). */
export function parseOpeningRange(text: string): OpeningRange | undefined {
  const match = RANGE.exec(text.trim());
  if (!match) return undefined;
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  if (endMinute > 1440 || endMinute <= startMinute) return undefined;
  return { startMinute, endMinute };
}

/** `10:00` → minutes after midnight. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Sorted, merged ranges of one weekday. Overlapping or touching ranges (`08:00-12:00`, `12:00-17:00`)
 * become one, so "the end of a range" always means the office really closes then.
 */
export function normaliseRanges(ranges: readonly OpeningRange[]): OpeningRange[] {
  const sorted = [...ranges].sort((a, b) => a.startMinute - b.startMinute);
  const merged: OpeningRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.startMinute <= last.endMinute) {
      merged[merged.length - 1] = {
        startMinute: last.startMinute,
        endMinute: Math.max(last.endMinute, range.endMinute),
      };
    } else {
      merged.push(range);
    }
  }
  return merged;
}
