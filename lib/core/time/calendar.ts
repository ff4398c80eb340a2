/**
 * A business calendar (DESIGN §6): a zone, weekly opening hours or `24x7`, and closed dates.
 * Build one from the config's shape (DESIGN §7) with {@link createCalendar}.
 */
import { IANAZone } from 'luxon';
import type { Duration } from './duration.ts';
import { isKnownCountry, isKnownRegion } from './holidays.ts';
import type { Instant } from './instant.ts';
import { dayOfDate } from './local-date.ts';
import type { OpeningRange, Weekday } from './opening-hours.ts';
import { WEEKDAYS, normaliseRanges, parseOpeningRange } from './opening-hours.ts';
import { RoundTheClockCalendar } from './round-the-clock.ts';
import { WeeklyCalendar } from './weekly-calendar.ts';
import { zoneClock } from './zone-clock.ts';

export interface CalendarSpec {
  readonly timezone: string;
  readonly hours: '24x7' | Partial<Record<Weekday, readonly string[]>>;
  readonly holidays?: {
    readonly country?: string;
    readonly region?: string;
    readonly dates?: readonly string[];
  };
}

/**
 * Open moments are the closed intervals [start, end] of each day's ranges: the closing moment itself
 * is open, so one open hour from 16:00 on an 08:00-17:00 day is 17:00 that day, not 08:00 tomorrow.
 * Local dates are `YYYY-MM-DD` in the calendar's zone. Every search throws if it finds no open time
 * within about three years (a calendar closed for good).
 */
export interface Calendar {
  readonly name: string;
  /** IANA zone name. */
  readonly zone: string;
  /** Every unit is plain elapsed time (a day is 24 h) and holidays do not apply. */
  readonly is24x7: boolean;
  isOpen(t: Instant): boolean;
  /** Has opening hours and is neither a public holiday nor an explicit closed date. */
  isOpenDay(localDate: string): boolean;
  /** The local date of `t` in the calendar's zone. */
  localDateOf(t: Instant): string;
  /** First open moment ≥ t. */
  nextOpen(t: Instant): Instant;
  /** Last open moment ≤ t. */
  previousOpen(t: Instant): Instant;
  /** The first moment when `ms` of open time has passed since t; 0 → nextOpen(t). */
  addOpenTime(t: Instant, ms: number): Instant;
  /** The last moment from which `ms` of open time runs up to t; 0 → previousOpen(t). */
  subtractOpenTime(t: Instant, ms: number): Instant;
  /**
   * The same local wall-clock time n open days later, or the next open moment after it; 0 →
   * nextOpen(t). Counts from nextOpen(t): a moment outside opening hours behaves like the moment the
   * calendar opens again, which keeps later inputs from getting earlier answers.
   */
  addBusinessDays(t: Instant, n: number): Instant;
  /** Mirror of addBusinessDays: counts from previousOpen(t), lands on the previous open moment. */
  subtractBusinessDays(t: Instant, n: number): Instant;
  /** Business days first, then open time. */
  add(t: Instant, duration: Duration): Instant;
  /** Open time back first, then business days back: the reverse order of {@link add}, so it undoes it. */
  subtract(t: Instant, duration: Duration): Instant;
  /** Open milliseconds in [a, b]; 0 when b ≤ a. */
  openTimeBetween(a: Instant, b: Instant): number;
  /** End of the date's last range; if the date is closed, the last open moment before it. */
  lastOpenMomentOf(localDate: string): Instant;
  /** `minuteOfDay` local time on t's date (or the next open day), moved to the next open moment. */
  atLocalTime(t: Instant, minuteOfDay: number): Instant;
}

/** Throws a clear Error naming the calendar when the spec is not usable. */
export function createCalendar(name: string, spec: CalendarSpec): Calendar {
  const fail = (problem: string): never => {
    throw new Error(`calendar "${name}": ${problem}`);
  };
  if (typeof spec.timezone !== 'string' || !IANAZone.isValidZone(spec.timezone)) {
    fail(`"${String(spec.timezone)}" is not an IANA time zone — e.g. Europe/Helsinki, America/New_York, UTC`);
  }
  const clock = zoneClock(spec.timezone);
  if (spec.hours === '24x7') return new RoundTheClockCalendar(name, clock);
  if (typeof spec.hours !== 'object' || spec.hours === null) {
    return fail('hours must be 24x7 or opening ranges per weekday (mon…sun)');
  }

  const weekly = new Map<Weekday, readonly OpeningRange[]>();
  for (const [day, texts] of Object.entries(spec.hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) fail(`"${day}" is not a weekday — use mon, tue, … sun`);
    if (texts !== undefined && !Array.isArray(texts)) fail(`hours of ${day} must be a list of ranges`);
    const ranges = (texts ?? []).map(
      (text) =>
        (typeof text === 'string' ? parseOpeningRange(text) : undefined) ??
        fail(`"${String(text)}" (${day}) is not an opening range — e.g. 08:00-17:00`),
    );
    weekly.set(day as Weekday, normaliseRanges(ranges));
  }

  const { country, region, dates = [] } = spec.holidays ?? {};
  if (country !== undefined && !isKnownCountry(country)) fail(`"${country}" is not a country date-holidays knows`);
  if (region !== undefined && country === undefined) fail('a holiday region needs a country');
  if (region !== undefined && country !== undefined && !isKnownRegion(country, region)) {
    fail(`"${region}" is not a region of ${country.toUpperCase()}`);
  }
  for (const date of dates) {
    try {
      dayOfDate(date);
    } catch {
      fail(`closed date "${date}" is not a date — write YYYY-MM-DD`);
    }
  }

  return new WeeklyCalendar(name, clock, {
    weekly,
    closedDates: new Set(dates),
    holidays: country === undefined ? undefined : { country: country.toUpperCase(), region: region?.toUpperCase() },
  });
}
