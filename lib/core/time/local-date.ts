/**
 * Local dates as day numbers: day 0 is 1970-01-01 on the wall calendar, whatever the zone. Walking
 * the calendar day by day is then integer arithmetic, and a local wall-clock time is
 * `day * DAY_MS + millisecond of day` ("wall milliseconds", see zone-clock.ts).
 */
import type { Weekday } from './opening-hours.ts';
import { WEEKDAYS } from './opening-hours.ts';

export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number; throws on malformed or impossible dates (`2026-02-30`). */
export function dayOfDate(date: string): number {
  const match = DATE.exec(date);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const utc = Date.UTC(y, m - 1, d);
    // Date.UTC rolls 02-30 over into March; a real date survives the round trip.
    if (new Date(utc).getUTCDate() === d && new Date(utc).getUTCMonth() === m - 1) return utc / DAY_MS;
  }
  throw new Error(`"${date}" is not a date — write YYYY-MM-DD`);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday: index 3 of WEEKDAYS (mon…sun). */
export function weekdayOfDay(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}
