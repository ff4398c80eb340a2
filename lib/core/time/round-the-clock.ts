/**
 * A `24x7` calendar: every unit is plain elapsed time (DESIGN §6). A business day is 24 elapsed
 * hours, so across a DST change the wall-clock time shifts by the change; holidays and closed dates
 * do not apply (an always-open desk has no closed days). The zone still names local dates.
 */
import type { Calendar } from './calendar.ts';
import { assertDays, assertMinuteOfDay, assertOpenMs } from './checks.ts';
import type { Duration } from './duration.ts';
import type { Instant } from './instant.ts';
import { assertInstant } from './instant.ts';
import { DAY_MS, dateOfDay, dayOfDate } from './local-date.ts';
import type { ZoneClock } from './zone-clock.ts';

const MINUTE_MS = 60_000;

export class RoundTheClockCalendar implements Calendar {
  readonly name: string;
  readonly zone: string;
  readonly is24x7 = true;
  readonly #clock: ZoneClock;

  constructor(name: string, clock: ZoneClock) {
    this.name = name;
    this.zone = clock.zone;
    this.#clock = clock;
  }

  isOpen(t: Instant): boolean {
    assertInstant(t);
    return true;
  }

  isOpenDay(localDate: string): boolean {
    dayOfDate(localDate);
    return true;
  }

  localDateOf(t: Instant): string {
    assertInstant(t);
    return dateOfDay(this.#clock.dayOf(t));
  }

  nextOpen(t: Instant): Instant {
    assertInstant(t);
    return t;
  }

  previousOpen(t: Instant): Instant {
    assertInstant(t);
    return t;
  }

  addOpenTime(t: Instant, ms: number): Instant {
    assertInstant(t);
    assertOpenMs(ms);
    return t + ms;
  }

  subtractOpenTime(t: Instant, ms: number): Instant {
    return this.addOpenTime(t, -ms);
  }

  addBusinessDays(t: Instant, n: number): Instant {
    assertInstant(t);
    assertDays(n);
    return t + n * DAY_MS;
  }

  subtractBusinessDays(t: Instant, n: number): Instant {
    assertDays(n);
    return this.addBusinessDays(t, -n);
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
    return Math.max(0, b - a);
  }

  /** The date's own end, its 24:00 (the next local midnight): the whole date is open. */
  lastOpenMomentOf(localDate: string): Instant {
    return this.#clock.instantAt((dayOfDate(localDate) + 1) * DAY_MS);
  }

  atLocalTime(t: Instant, minuteOfDay: number): Instant {
    assertInstant(t);
    assertMinuteOfDay(minuteOfDay);
    return this.#clock.instantAt(this.#clock.dayOf(t) * DAY_MS + minuteOfDay * MINUTE_MS);
  }
}
