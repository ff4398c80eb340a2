/**
 * A calendar with weekly opening hours and closed dates. Each local day becomes a short list of open
 * intervals (instants), computed once and cached; every search walks those lists day by day.
 */
import type { Calendar } from './calendar.ts';
import { assertDays, assertMinuteOfDay, assertOpenMs } from './checks.ts';
import type { Duration } from './duration.ts';
import { publicHolidayDates } from './holidays.ts';
import type { Instant } from './instant.ts';
import { assertInstant, toIso } from './instant.ts';
import { DAY_MS, dateOfDay, dayOfDate, weekdayOfDay } from './local-date.ts';
import type { OpeningRange, Weekday } from './opening-hours.ts';
import type { ZoneClock } from './zone-clock.ts';

const MINUTE_MS = 60_000;
/** A search that meets this many days in a row without open time gives up: the calendar is closed for good. */
const SEARCH_LIMIT_DAYS = 3 * 366;
const CACHE_LIMIT = 100_000;

export interface WeeklyRules {
  /** Normalised (sorted, merged) ranges per weekday. */
  readonly weekly: ReadonlyMap<Weekday, readonly OpeningRange[]>;
  readonly closedDates: ReadonlySet<string>;
  readonly holidays: { readonly country: string; readonly region: string | undefined } | undefined;
}

/** A closed interval [start, end] of open time. */
interface Span {
  readonly start: Instant;
  readonly end: Instant;
}

interface Day {
  /** An open day (DESIGN §6): has opening hours and is not closed. */
  readonly open: boolean;
  /** Sorted and disjoint; empty on a closed day. */
  readonly spans: readonly Span[];
  readonly reversed: readonly Span[];
}

export class WeeklyCalendar implements Calendar {
  readonly name: string;
  readonly zone: string;
  readonly is24x7 = false;
  readonly #clock: ZoneClock;
  readonly #rules: WeeklyRules;
  readonly #days = new Map<number, Day>();
  readonly #holidays = new Map<number, ReadonlySet<string>>();

  constructor(name: string, clock: ZoneClock, rules: WeeklyRules) {
    this.name = name;
    this.zone = clock.zone;
    this.#clock = clock;
    this.#rules = rules;
  }

  isOpen(t: Instant): boolean {
    assertInstant(t);
    const day = this.#clock.dayOf(t);
    // A range ending at 24:00 ends on the next date's first instant: look at the neighbours too.
    return this.#contains(day, t) || this.#contains(day - 1, t) || this.#contains(day + 1, t);
  }

  isOpenDay(localDate: string): boolean {
    return this.#day(dayOfDate(localDate)).open;
  }

  localDateOf(t: Instant): string {
    assertInstant(t);
    return dateOfDay(this.#clock.dayOf(t));
  }

  nextOpen(t: Instant): Instant {
    assertInstant(t);
    const guard = this.#guard(t);
    for (let day = this.#clock.dayOf(t) - 1; ; day++) {
      for (const span of guard(this.#day(day)).spans) {
        if (span.end >= t) return Math.max(span.start, t);
      }
    }
  }

  previousOpen(t: Instant): Instant {
    assertInstant(t);
    const guard = this.#guard(t);
    for (let day = this.#clock.dayOf(t) + 1; ; day--) {
      for (const span of guard(this.#day(day)).reversed) {
        if (span.start <= t) return Math.min(span.end, t);
      }
    }
  }

  addOpenTime(t: Instant, ms: number): Instant {
    assertInstant(t);
    assertOpenMs(ms);
    if (ms === 0) return this.nextOpen(t);
    if (ms < 0) return this.subtractOpenTime(t, -ms);
    let left = ms;
    const guard = this.#guard(t);
    for (let day = this.#clock.dayOf(t) - 1; ; day++) {
      for (const span of guard(this.#day(day)).spans) {
        if (span.end <= t) continue;
        const from = Math.max(span.start, t);
        if (left <= span.end - from) return from + left;
        left -= span.end - from;
      }
    }
  }

  subtractOpenTime(t: Instant, ms: number): Instant {
    assertInstant(t);
    assertOpenMs(ms);
    if (ms === 0) return this.previousOpen(t);
    if (ms < 0) return this.addOpenTime(t, -ms);
    let left = ms;
    const guard = this.#guard(t);
    for (let day = this.#clock.dayOf(t) + 1; ; day--) {
      for (const span of guard(this.#day(day)).reversed) {
        if (span.start >= t) continue;
        const to = Math.min(span.end, t);
        if (left <= to - span.start) return to - left;
        left -= to - span.start;
      }
    }
  }

  addBusinessDays(t: Instant, n: number): Instant {
    assertDays(n);
    if (n < 0) return this.subtractBusinessDays(t, -n);
    const start = this.nextOpen(t);
    if (n === 0) return start;
    const { day, wall } = this.#anchor(start);
    const guard = this.#guard(start);
    let target = day;
    for (let counted = 0; counted < n;) {
      target++;
      if (guard(this.#day(target)).open) counted++;
    }
    return this.nextOpen(this.#clock.instantAt(wall + (target - day) * DAY_MS));
  }

  subtractBusinessDays(t: Instant, n: number): Instant {
    assertDays(n);
    if (n < 0) return this.addBusinessDays(t, -n);
    const start = this.previousOpen(t);
    if (n === 0) return start;
    const { day, wall } = this.#anchor(start);
    const guard = this.#guard(start);
    let target = day;
    for (let counted = 0; counted < n;) {
      target--;
      if (guard(this.#day(target)).open) counted++;
    }
    return this.previousOpen(this.#clock.instantAt(wall - (day - target) * DAY_MS));
  }

  add(t: Instant, duration: Duration): Instant {
    return this.addOpenTime(this.addBusinessDays(t, duration.days), duration.openMs);
  }

  subtract(t: Instant, duration: Duration): Instant {
    return this.subtractBusinessDays(this.subtractOpenTime(t, duration.openMs), duration.days);
  }

  openTimeBetween(a: Instant, b: Instant): number {
    assertInstant(a);
    assertInstant(b);
    if (b <= a) return 0;
    let total = 0;
    const last = this.#clock.dayOf(b) + 1;
    for (let day = this.#clock.dayOf(a) - 1; day <= last; day++) {
      for (const span of this.#day(day).spans) {
        const from = Math.max(span.start, a);
        const to = Math.min(span.end, b);
        if (to > from) total += to - from;
      }
    }
    return total;
  }

  lastOpenMomentOf(localDate: string): Instant {
    const day = dayOfDate(localDate);
    const last = this.#day(day).spans.at(-1);
    return last ? last.end : this.previousOpen(this.#clock.instantAt(day * DAY_MS));
  }

  atLocalTime(t: Instant, minuteOfDay: number): Instant {
    assertInstant(t);
    assertMinuteOfDay(minuteOfDay);
    const guard = this.#guard(t);
    let day = this.#clock.dayOf(t);
    while (!guard(this.#day(day)).open) day++;
    return this.nextOpen(this.#clock.instantAt(day * DAY_MS + minuteOfDay * MINUTE_MS));
  }

  /**
   * The open day an open moment belongs to, and its wall-clock time. The instant a 24:00 range ends
   * belongs to that range's date (as 24:00) unless the next date opens at 00:00. The wall time is the
   * latest the clock has shown (zone-clock.ts), so it never goes back within the repeated hour.
   */
  #anchor(t: Instant): { day: number; wall: number } {
    const wall = this.#clock.wallSoFar(t);
    const day = this.#clock.dayOf(t);
    const owner = [day + 1, day, day - 1].find((candidate) => this.#contains(candidate, t)) ?? day;
    return { day: owner, wall };
  }

  #contains(day: number, t: Instant): boolean {
    return this.#day(day).spans.some((span) => span.start <= t && t <= span.end);
  }

  /** Counts days in a row without open time and gives up, naming the calendar, past the limit. */
  #guard(from: Instant): (day: Day) => Day {
    let empty = 0;
    return (day) => {
      if (day.spans.length > 0) empty = 0;
      else if (++empty > SEARCH_LIMIT_DAYS) {
        throw new Error(
          `calendar "${this.name}" has no open time within ${SEARCH_LIMIT_DAYS} days of ${toIso(from)} — does it open at all?`,
        );
      }
      return day;
    };
  }

  #day(day: number): Day {
    const cached = this.#days.get(day);
    if (cached) return cached;
    const ranges = this.#rules.weekly.get(weekdayOfDay(day)) ?? [];
    const open = ranges.length > 0 && !this.#isClosedDate(dateOfDay(day));
    const spans = open ? this.#spansOf(day, ranges) : [];
    const computed: Day = { open, spans, reversed: [...spans].reverse() };
    if (this.#days.size >= CACHE_LIMIT) this.#days.clear();
    this.#days.set(day, computed);
    return computed;
  }

  /**
   * Local ranges → instants. DST can shorten a range, swallow it (a range inside a spring-forward
   * gap) or make neighbours touch; empty spans are dropped and touching ones merged.
   */
  #spansOf(day: number, ranges: readonly OpeningRange[]): Span[] {
    const spans: Span[] = [];
    for (const range of ranges) {
      const start = this.#clock.instantAt(day * DAY_MS + range.startMinute * MINUTE_MS);
      const end = this.#clock.instantAt(day * DAY_MS + range.endMinute * MINUTE_MS);
      if (end <= start) continue;
      const last = spans.at(-1);
      if (last && start <= last.end) spans[spans.length - 1] = { start: last.start, end: Math.max(last.end, end) };
      else spans.push({ start, end });
    }
    return spans;
  }

  #isClosedDate(date: string): boolean {
    if (this.#rules.closedDates.has(date)) return true;
    const { holidays } = this.#rules;
    if (!holidays) return false;
    const year = Number(date.slice(0, 4));
    let dates = this.#holidays.get(year);
    if (!dates) {
      dates = new Set(publicHolidayDates(holidays.country, holidays.region, year));
      this.#holidays.set(year, dates);
    }
    return dates.has(date);
  }
}
