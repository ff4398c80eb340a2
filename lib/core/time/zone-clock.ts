/**
 * Wall-clock time in an IANA zone, DST included (offsets from luxon). A wall time is "wall
 * milliseconds": `localDay * DAY_MS + millisecond of day`, as if the local clock were UTC.
 *
 * Two rules keep every conversion monotonic (a later input never gives an earlier answer), which the
 * calendar's searches and the planners rely on:
 * - wall → instant is the FIRST moment the clock reads at least that time. A time the clock skips
 *   (spring forward, 02:30 in New York on 2026-03-08) moves forward to the end of the gap (03:00
 *   EDT). Luxon would shift it by the gap's length (03:30), which can put 02:30 after 03:15. A time
 *   shown twice (fall back) is its first showing.
 * - instant → wall for "the same wall-clock time later" is the latest time the clock has shown so
 *   far: in the repeated hour's second pass it is the time the clock was turned back at (02:00).
 */
import { IANAZone } from 'luxon';
import type { Instant } from './instant.ts';
import { DAY_MS } from './local-date.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Offsets lie within UTC−12…UTC+14; a margin either side brackets every candidate instant. */
const BEFORE_MS = 15 * HOUR_MS;
const AFTER_MS = 13 * HOUR_MS;
/** Clocks are never turned back by more than this (2 h at most, historically). */
const LONGEST_FALL_BACK_MS = 3 * HOUR_MS;
const CACHE_LIMIT = 100_000;

export class ZoneClock {
  readonly zone: string;
  readonly #iana: IANAZone;
  /** Offset per UTC day, NaN on a day when it changes (then asked afresh): luxon formats a date per ask. */
  readonly #offsets = new Map<number, number>();

  constructor(zone: string) {
    if (!IANAZone.isValidZone(zone)) throw new Error(`"${zone}" is not an IANA time zone`);
    this.zone = zone;
    this.#iana = IANAZone.create(zone);
  }

  /** UTC offset at `t`, in milliseconds. */
  offsetAt(t: Instant): number {
    const key = Math.floor(t / DAY_MS);
    let offset = this.#offsets.get(key);
    if (offset === undefined) {
      const first = this.#ask(key * DAY_MS);
      const last = this.#ask(key * DAY_MS + DAY_MS - 1);
      offset = first === last ? first : Number.NaN;
      if (this.#offsets.size >= CACHE_LIMIT) this.#offsets.clear();
      this.#offsets.set(key, offset);
    }
    return Number.isNaN(offset) ? this.#ask(t) : offset;
  }

  /** The wall time the clock shows at `t`. */
  wallAt(t: Instant): number {
    return t + this.offsetAt(t);
  }

  /** The local day (see local-date.ts) that `t` falls on. */
  dayOf(t: Instant): number {
    return Math.floor(this.wallAt(t) / DAY_MS);
  }

  /** The latest wall time shown up to `t`: {@link wallAt}, except in a repeated hour's second pass. */
  wallSoFar(t: Instant): number {
    const offset = this.offsetAt(t);
    const before = this.offsetAt(t - LONGEST_FALL_BACK_MS);
    if (before <= offset) return t + offset;
    const turnedBack = this.#firstWith(t - LONGEST_FALL_BACK_MS, t, (x) => this.offsetAt(x) === offset);
    return Math.max(t + offset, turnedBack + before);
  }

  /** The first moment the clock reads `wall` or later. */
  instantAt(wall: number): Instant {
    const early = wall - this.offsetAt(wall - BEFORE_MS);
    const late = wall - this.offsetAt(wall + AFTER_MS);
    const shows = (x: Instant) => this.wallAt(x) === wall;
    if (early === late && shows(early)) return early;
    const exact = [early, late].filter(shows);
    if (exact.length > 0) return Math.min(...exact);
    // Skipped by a spring-forward gap: the gap's end is the first moment past it.
    return this.#firstWith(Math.min(early, late), Math.max(early, late), (x) => this.wallAt(x) >= wall);
  }

  #ask(t: Instant): number {
    return this.#iana.offset(t) * MINUTE_MS;
  }

  /** Smallest x in [lo, hi] with `test(x)`, for a test that turns true once and stays true. */
  #firstWith(lo: Instant, hi: Instant, test: (x: Instant) => boolean): Instant {
    if (test(lo)) return lo;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (test(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

const clocks = new Map<string, ZoneClock>();

/** One clock per zone, shared, so its offset cache serves every calendar in that zone. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}
