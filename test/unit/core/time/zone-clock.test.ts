/** Wall-clock ↔ instant in a zone, across DST changes (the conversions the calendars are built on). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIso, toIso } from '../../../../lib/core/time/instant.ts';
import { DAY_MS, dateOfDay, dayOfDate, weekdayOfDay } from '../../../../lib/core/time/local-date.ts';
import { zoneClock } from '../../../../lib/core/time/zone-clock.ts';
import { ZONES, nearDstChange, shortStep } from './arbitraries.ts';

const runs = { numRuns: Number(process.env.TIME_PROPERTY_RUNS ?? 150) };
/** Wall milliseconds of a local date and time, e.g. wall('2026-03-08', '02:30'). */
const wall = (date: string, time: string) =>
  dayOfDate(date) * DAY_MS + Number(time.slice(0, 2)) * 3_600_000 + Number(time.slice(3, 5)) * 60_000;

describe('local dates', () => {
  it('numbers days from 1970-01-01 and knows their weekday', () => {
    expect(dayOfDate('1970-01-01')).toBe(0);
    expect(dateOfDay(dayOfDate('2026-12-24'))).toBe('2026-12-24');
    expect(weekdayOfDay(dayOfDate('2026-12-02'))).toBe('wed');
    expect(weekdayOfDay(dayOfDate('1969-12-29'))).toBe('mon');
  });

  it('rejects what is not a real date', () => {
    expect(() => dayOfDate('2026-02-30')).toThrow(/not a date/);
    expect(() => dayOfDate('2026-2-3')).toThrow(/not a date/);
  });
});

describe('zone clock', () => {
  const ny = zoneClock('America/New_York');
  const helsinki = zoneClock('Europe/Helsinki');

  it('converts plain wall-clock times both ways', () => {
    expect(toIso(helsinki.instantAt(wall('2026-12-02', '09:00')))).toBe('2026-12-02T07:00:00.000Z');
    expect(helsinki.wallAt(fromIso('2026-07-01T12:00:00+03:00'))).toBe(wall('2026-07-01', '12:00'));
    expect(helsinki.dayOf(fromIso('2026-12-01T23:30:00Z'))).toBe(dayOfDate('2026-12-02'));
  });

  it('moves a skipped time to the end of the gap, keeping later times later', () => {
    // New York 2026-03-08: at 02:00 EST the clock jumps to 03:00 EDT (07:00Z). 02:30 never shows;
    // the first moment the clock reads 02:30 or later is 03:00 EDT. (Luxon alone would give 03:30,
    // after 03:15.)
    expect(ny.instantAt(wall('2026-03-08', '02:30'))).toBe(fromIso('2026-03-08T03:00:00-04:00'));
    expect(ny.instantAt(wall('2026-03-08', '03:15'))).toBe(fromIso('2026-03-08T03:15:00-04:00'));
    // Helsinki 2026-03-29: 03:00 EET jumps to 04:00 EEST.
    expect(helsinki.instantAt(wall('2026-03-29', '03:30'))).toBe(fromIso('2026-03-29T04:00:00+03:00'));
  });

  it('takes the first showing of a repeated time', () => {
    // New York 2026-11-01: at 02:00 EDT the clock goes back to 01:00 EST, so 01:30 shows twice.
    expect(ny.instantAt(wall('2026-11-01', '01:30'))).toBe(fromIso('2026-11-01T01:30:00-04:00'));
    expect(ny.instantAt(wall('2026-11-01', '02:00'))).toBe(fromIso('2026-11-01T02:00:00-05:00'));
  });

  it('gives the repeated hour second pass the time the clock was turned back at', () => {
    // 01:20 EST comes after 01:50 EDT; "the latest time shown so far" is then 02:00.
    expect(ny.wallSoFar(fromIso('2026-11-01T01:50:00-04:00'))).toBe(wall('2026-11-01', '01:50'));
    expect(ny.wallSoFar(fromIso('2026-11-01T01:20:00-05:00'))).toBe(wall('2026-11-01', '02:00'));
    expect(ny.wallSoFar(fromIso('2026-11-01T02:10:00-05:00'))).toBe(wall('2026-11-01', '02:10'));
  });

  it('is monotonic both ways around DST changes', () => {
    const around = fc
      .constantFrom(...ZONES)
      .chain((zone) => fc.tuple(fc.constant(zone), nearDstChange(zone), shortStep));
    fc.assert(
      fc.property(around, ([zone, t, delta]) => {
        const clock = zoneClock(zone);
        expect(clock.wallSoFar(t)).toBeLessThanOrEqual(clock.wallSoFar(t + delta));
        // Read with the offset of the day before, a wall time near a change may be skipped or repeated.
        const w1 = t + clock.offsetAt(t - DAY_MS);
        const w2 = w1 + delta;
        expect(clock.instantAt(w1)).toBeLessThanOrEqual(clock.instantAt(w2));
        // The first moment showing a time is never after a moment that shows it.
        expect(clock.instantAt(clock.wallAt(t))).toBeLessThanOrEqual(t);
        expect(clock.wallAt(clock.instantAt(w1))).toBeGreaterThanOrEqual(w1);
      }),
      runs,
    );
  });
});
