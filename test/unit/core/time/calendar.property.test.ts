/**
 * Properties of business time over random calendars (zones with and without DST, weekly ranges
 * including split days and night hours, random closed dates and public holidays, and 24x7) and
 * instants across 2025–2027 with DST weeks over-represented.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../lib/core/time/index.ts';
import { createCalendar } from '../../../../lib/core/time/index.ts';
import {
  businessDays,
  calendar,
  calendarSpec,
  instant,
  nearDstChange,
  openMs,
  shortStep,
  step,
} from './arbitraries.ts';

// TIME_PROPERTY_RUNS=5000 for a deeper search; the default keeps the suite fast.
const runs = { numRuns: Number(process.env.TIME_PROPERTY_RUNS ?? 150) };

describe('open time', () => {
  it('adds up: add(add(t, x), y) = add(t, x + y)', () => {
    fc.assert(
      fc.property(calendar, instant, openMs, openMs, (cal, t, x, y) => {
        expect(cal.addOpenTime(cal.addOpenTime(t, x), y)).toBe(cal.addOpenTime(t, x + y));
        expect(cal.add(cal.add(t, { days: 0, openMs: x }), { days: 0, openMs: y })).toBe(
          cal.add(t, { days: 0, openMs: x + y }),
        );
      }),
      runs,
    );
  });

  it('measures back what it added: openTimeBetween(a, addOpenTime(a, d)) = d', () => {
    fc.assert(
      fc.property(calendar, instant, openMs, (cal, a, d) => {
        expect(cal.openTimeBetween(a, cal.addOpenTime(a, d))).toBe(d);
        expect(cal.openTimeBetween(cal.subtractOpenTime(a, d), a)).toBe(d);
      }),
      runs,
    );
  });

  it('is additive over a split point and 0 backwards', () => {
    fc.assert(
      fc.property(calendar, instant, step, step, (cal, a, s1, s2) => {
        const [m, b] = [a + s1, a + s1 + s2];
        expect(cal.openTimeBetween(a, b)).toBe(cal.openTimeBetween(a, m) + cal.openTimeBetween(m, b));
        expect(cal.openTimeBetween(b, a)).toBe(0);
        expect(cal.openTimeBetween(a, b)).toBeLessThanOrEqual(b - a);
      }),
      runs,
    );
  });

  it('round-trips: subtract(add(t, x), x) = t, and add(subtract(t, x), x) = t, where t is inside open time', () => {
    fc.assert(
      fc.property(calendar, instant, openMs, (cal, t, x) => {
        const back = cal.subtractOpenTime(cal.addOpenTime(t, x), x);
        const forth = cal.addOpenTime(cal.subtractOpenTime(t, x), x);
        if (x === 0) return;
        // In general: no earlier than t (resp. no later). At a closing moment t, adding then taking back
        // lands on the next opening instead, which counts the same; at an opening likewise backwards.
        expect(back).toBeGreaterThanOrEqual(t);
        expect(forth).toBeLessThanOrEqual(t);
        if (cal.isOpen(t) && cal.isOpen(t + 1)) expect(back).toBe(t);
        if (cal.isOpen(t) && cal.isOpen(t - 1)) expect(forth).toBe(t);
      }),
      runs,
    );
  });
});

describe('every answer is an open moment', () => {
  it('addOpenTime, addBusinessDays, add and their subtract counterparts land on open moments', () => {
    fc.assert(
      fc.property(calendar, instant, openMs, businessDays, (cal, t, ms, days) => {
        for (const result of [
          cal.nextOpen(t),
          cal.previousOpen(t),
          cal.addOpenTime(t, ms),
          cal.addBusinessDays(t, days),
          cal.add(t, { days, openMs: ms }),
          cal.subtractOpenTime(t, ms),
          cal.subtractBusinessDays(t, days),
          cal.subtract(t, { days, openMs: ms }),
          cal.atLocalTime(t, 600),
          cal.lastOpenMomentOf(cal.localDateOf(t)),
        ]) {
          expect(cal.isOpen(result)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('nextOpen and previousOpen skip only closed time', () => {
    fc.assert(
      fc.property(calendar, instant, (cal, t) => {
        const next = cal.nextOpen(t);
        const previous = cal.previousOpen(t);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(previous).toBeLessThanOrEqual(t);
        expect(cal.openTimeBetween(t, next)).toBe(0);
        expect(cal.openTimeBetween(previous, t)).toBe(0);
        expect(next === t).toBe(cal.isOpen(t));
      }),
      runs,
    );
  });
});

describe('monotonic: a later start or a longer duration never gives an earlier answer', () => {
  const duration = fc.record({ days: businessDays, openMs });

  it('in the start: t1 ≤ t2 ⇒ add(t1, d) ≤ add(t2, d), and the same for subtract', () => {
    fc.assert(
      fc.property(calendar, instant, step, duration, (cal, t1, delta, d) => {
        const t2 = t1 + delta;
        expect(cal.add(t1, d)).toBeLessThanOrEqual(cal.add(t2, d));
        expect(cal.addBusinessDays(t1, d.days)).toBeLessThanOrEqual(cal.addBusinessDays(t2, d.days));
        expect(cal.subtract(t1, d)).toBeLessThanOrEqual(cal.subtract(t2, d));
        expect(cal.subtractBusinessDays(t1, d.days)).toBeLessThanOrEqual(cal.subtractBusinessDays(t2, d.days));
      }),
      runs,
    );
  });

  it('in the start, around DST changes (repeated and skipped wall-clock times)', () => {
    const aroundChange = calendarSpec.chain((spec) =>
      fc.tuple(fc.constant(spec), nearDstChange(spec.timezone), shortStep, duration),
    );
    fc.assert(
      fc.property(aroundChange, ([spec, t1, delta, d]) => {
        const cal = createCalendar('generated', spec);
        const t2 = t1 + delta;
        expect(cal.add(t1, d)).toBeLessThanOrEqual(cal.add(t2, d));
        expect(cal.subtract(t1, d)).toBeLessThanOrEqual(cal.subtract(t2, d));
        expect(cal.atLocalTime(t1, 150)).toBeLessThanOrEqual(cal.atLocalTime(t2, 150));
      }),
      runs,
    );
  });

  it('in the duration: d1 ≤ d2 ⇒ add(t, d1) ≤ add(t, d2) and subtract(t, d1) ≥ subtract(t, d2)', () => {
    fc.assert(
      fc.property(calendar, instant, duration, businessDays, openMs, (cal, t, d1, moreDays, moreMs) => {
        const d2 = { days: d1.days + moreDays, openMs: d1.openMs + moreMs };
        expect(cal.add(t, d1)).toBeLessThanOrEqual(cal.add(t, d2));
        expect(cal.subtract(t, d1)).toBeGreaterThanOrEqual(cal.subtract(t, d2));
      }),
      runs,
    );
  });

  it('in the number of business days: n ≤ m ⇒ addBusinessDays(t, n) ≤ addBusinessDays(t, m)', () => {
    fc.assert(
      fc.property(calendar, instant, businessDays, businessDays, (cal, t, n, more) => {
        expect(cal.addBusinessDays(t, n)).toBeLessThanOrEqual(cal.addBusinessDays(t, n + more));
        expect(cal.subtractBusinessDays(t, n)).toBeGreaterThanOrEqual(cal.subtractBusinessDays(t, n + more));
      }),
      runs,
    );
  });
});

/** Open days after `from` up to and including `to` (local dates). */
function openDaysAfter(cal: Calendar, from: string, to: string): number {
  let count = 0;
  for (let day = Date.parse(from) + 86_400_000; day <= Date.parse(to); day += 86_400_000) {
    if (cal.isOpenDay(new Date(day).toISOString().slice(0, 10))) count++;
  }
  return count;
}

describe('business days', () => {
  it('keep the wall-clock time when it is open on the target day, and subtract undoes add then', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 8 }), (cal, t, n) => {
        if (!cal.isOpen(t)) return;
        const there = cal.addBusinessDays(t, n);
        if (cal.is24x7) {
          expect(there - t).toBe(n * 86_400_000);
          expect(cal.subtractBusinessDays(there, n)).toBe(t);
          return;
        }
        const wall = (x: number) => DateTime.fromMillis(x, { zone: cal.zone }).toFormat('HH:mm:ss.SSS');
        const local = DateTime.fromMillis(t, { zone: cal.zone });
        // A moment in a repeated hour's second pass, or the 24:00 end of a range, has no plain wall time.
        const plain = DateTime.fromObject(local.toObject(), { zone: cal.zone }).toMillis() === t;
        // Only when the result kept the wall-clock time on the n-th open day (no roll to a later day).
        if (wall(there) !== wall(t) || !plain || wall(t) === '00:00:00.000') return;
        if (openDaysAfter(cal, cal.localDateOf(t), cal.localDateOf(there)) !== n) return;
        expect(cal.subtractBusinessDays(there, n)).toBe(t);
      }),
      runs,
    );
  });

  it('land on an open day after t, counting n open days', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 8 }), (cal, t, n) => {
        const there = cal.addBusinessDays(t, n);
        expect(there).toBeGreaterThan(t);
        if (!cal.is24x7) expect(cal.isOpenDay(cal.localDateOf(there))).toBe(true);
      }),
      runs,
    );
  });
});
