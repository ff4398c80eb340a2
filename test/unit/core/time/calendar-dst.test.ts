/**
 * Hand-checked business time across the 2026 DST changes: Europe/Helsinki and Europe/Berlin on
 * 2026-03-29 and 2026-10-25 (at 01:00 UTC), America/New_York on 2026-03-08 (02:00 EST → 03:00 EDT)
 * and 2026-11-01 (02:00 EDT → 01:00 EST). Opening hours stay on local wall-clock time; a 24x7
 * calendar counts elapsed hours, so its wall-clock times shift.
 */
import { describe, expect, it } from 'vitest';
import { HOUR_MS, createCalendar } from '../../../../lib/core/time/index.ts';
import {
  alwaysHelsinki,
  alwaysNewYork,
  at,
  berlin,
  berlinSundayNights,
  local,
  newYork,
  supportFi,
} from './calendars.ts';

describe('Europe/Helsinki (UTC+2 ↔ UTC+3)', () => {
  it('spring: open time across the weekend of the change', () => {
    // Fri 2026-03-27 15:00+02:00: 1 h to Friday's 16:00 close; Monday opens 08:00+03:00, + 1 h.
    expect(local(supportFi, supportFi.addOpenTime(at('2026-03-27T15:00:00+02:00'), 2 * HOUR_MS))).toBe(
      '2026-03-30T09:00:00+03:00',
    );
    // Fri 08–16 (8 h) + Mon 08–17 (9 h) = 17 h, although 72 h minus one elapse between the edges.
    expect(supportFi.openTimeBetween(at('2026-03-27T08:00:00+02:00'), at('2026-03-30T17:00:00+03:00'))).toBe(
      17 * HOUR_MS,
    );
  });

  it('spring: business days keep the wall-clock time', () => {
    // Thu 10:00 → Fri 27 (1), Mon 30 (2) at 10:00 — now UTC+3.
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-03-26T10:00:00+02:00'), 2))).toBe(
      '2026-03-30T10:00:00+03:00',
    );
  });

  it('autumn: open time and business days across the change', () => {
    // Fri 2026-10-23 15:30+03:00: 30 min to 16:00; Monday 08:00+02:00 + 30 min.
    expect(local(supportFi, supportFi.addOpenTime(at('2026-10-23T15:30:00+03:00'), HOUR_MS))).toBe(
      '2026-10-26T08:30:00+02:00',
    );
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-10-23T16:00:00+03:00'), 1))).toBe(
      '2026-10-26T16:00:00+02:00',
    );
    expect(local(supportFi, supportFi.subtractBusinessDays(at('2026-10-26T16:00:00+02:00'), 1))).toBe(
      '2026-10-23T16:00:00+03:00',
    );
  });

  it('24x7 counts elapsed hours: a day is 24 h, so the wall clock moves with the change', () => {
    // Sat 12:00+02:00 (10:00Z) + 24 h = Sun 10:00Z = 13:00+03:00.
    expect(local(alwaysHelsinki, alwaysHelsinki.addOpenTime(at('2026-03-28T12:00:00+02:00'), 24 * HOUR_MS))).toBe(
      '2026-03-29T13:00:00+03:00',
    );
    expect(local(alwaysHelsinki, alwaysHelsinki.addBusinessDays(at('2026-03-28T12:00:00+02:00'), 1))).toBe(
      '2026-03-29T13:00:00+03:00',
    );
    // Sat 12:00+03:00 (09:00Z) + 1d = Sun 09:00Z = 11:00+02:00.
    expect(local(alwaysHelsinki, alwaysHelsinki.addBusinessDays(at('2026-10-24T12:00:00+03:00'), 1))).toBe(
      '2026-10-25T11:00:00+02:00',
    );
    // The autumn change day is 25 hours long.
    expect(alwaysHelsinki.openTimeBetween(at('2026-10-25T00:00:00+03:00'), at('2026-10-26T00:00:00+02:00'))).toBe(
      25 * HOUR_MS,
    );
  });
});

describe('Europe/Berlin (UTC+1 ↔ UTC+2)', () => {
  it('spring: Fri 16:00 + 2h → Mon 09:00 in summer time', () => {
    expect(local(berlin, berlin.addOpenTime(at('2026-03-27T16:00:00+01:00'), 2 * HOUR_MS))).toBe(
      '2026-03-30T09:00:00+02:00',
    );
  });

  it('autumn: business days keep 09:30 across the change', () => {
    expect(local(berlin, berlin.addBusinessDays(at('2026-10-23T09:30:00+02:00'), 1))).toBe('2026-10-26T09:30:00+01:00');
  });

  it('a range over the change is as long as the clock says: 00:00-06:00 is 5 h in spring, 7 h in autumn', () => {
    // 2026-03-29: 00:00+01:00 (23:00Z) to 06:00+02:00 (04:00Z) = 5 h.
    expect(berlinSundayNights.openTimeBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-29T12:00:00+02:00'))).toBe(
      5 * HOUR_MS,
    );
    // 2026-10-25: 00:00+02:00 (22:00Z) to 06:00+01:00 (05:00Z) = 7 h.
    expect(berlinSundayNights.openTimeBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-25T12:00:00+01:00'))).toBe(
      7 * HOUR_MS,
    );
    // 01:00 CET + 2 h: the clock jumps from 02:00 to 03:00 after the first hour → 04:00 CEST.
    expect(
      local(berlinSundayNights, berlinSundayNights.addOpenTime(at('2026-03-29T01:00:00+01:00'), 2 * HOUR_MS)),
    ).toBe('2026-03-29T04:00:00+02:00');
    // A week apart at 05:00 local: 05:00+01:00 → 05:00+02:00.
    expect(local(berlinSundayNights, berlinSundayNights.addBusinessDays(at('2026-03-22T05:00:00+01:00'), 1))).toBe(
      '2026-03-29T05:00:00+02:00',
    );
  });
});

describe('America/New_York (UTC−5 ↔ UTC−4)', () => {
  it('spring: Fri 16:00 + 2h → Mon 10:00 EDT', () => {
    expect(local(newYork, newYork.addOpenTime(at('2026-03-06T16:00:00-05:00'), 2 * HOUR_MS))).toBe(
      '2026-03-09T10:00:00-04:00',
    );
  });

  it('autumn: open time and business days across the change', () => {
    expect(local(newYork, newYork.addOpenTime(at('2026-10-30T16:30:00-04:00'), HOUR_MS))).toBe(
      '2026-11-02T09:30:00-05:00',
    );
    expect(local(newYork, newYork.addBusinessDays(at('2026-10-30T11:00:00-04:00'), 1))).toBe(
      '2026-11-02T11:00:00-05:00',
    );
  });

  it('24x7 across the spring change: Sat 12:00 EST + 1d = Sun 13:00 EDT', () => {
    expect(local(alwaysNewYork, alwaysNewYork.addBusinessDays(at('2026-03-07T12:00:00-05:00'), 1))).toBe(
      '2026-03-08T13:00:00-04:00',
    );
  });

  it('an opening time the clock skips opens when the gap ends', () => {
    // 02:30 does not exist on 2026-03-08; the first moment the clock reads 02:30 or later is 03:00 EDT.
    const sundays = createCalendar('ny-sundays', { timezone: 'America/New_York', hours: { sun: ['02:30-05:00'] } });
    expect(local(sundays, sundays.nextOpen(at('2026-03-08T00:00:00-05:00')))).toBe('2026-03-08T03:00:00-04:00');
    expect(sundays.openTimeBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(2 * HOUR_MS);
    expect(sundays.openTimeBetween(at('2026-03-15T00:00:00-04:00'), at('2026-03-16T00:00:00-04:00'))).toBe(
      2.5 * HOUR_MS,
    );
  });

  it('business days into the gap keep later starts later', () => {
    // Sundays round the clock. 02:30 and 03:15 on 2026-03-01, one business day later: 02:30 is
    // skipped on 2026-03-08 → 03:00 EDT, still before 03:15 EDT.
    const sundays = createCalendar('ny-sundays', { timezone: 'America/New_York', hours: { sun: ['00:00-24:00'] } });
    expect(local(sundays, sundays.addBusinessDays(at('2026-03-01T02:30:00-05:00'), 1))).toBe(
      '2026-03-08T03:00:00-04:00',
    );
    expect(local(sundays, sundays.addBusinessDays(at('2026-03-01T03:15:00-05:00'), 1))).toBe(
      '2026-03-08T03:15:00-04:00',
    );
  });

  it('a repeated opening time opens at its first showing', () => {
    // 01:30-03:00 on 2026-11-01: opens 01:30 EDT (05:30Z), closes 03:00 EST (08:00Z): 2.5 h, and
    // the second 01:15 (EST, 06:15Z) is inside it.
    const sundays = createCalendar('ny-sundays', { timezone: 'America/New_York', hours: { sun: ['01:30-03:00'] } });
    expect(local(sundays, sundays.nextOpen(at('2026-11-01T00:00:00-04:00')))).toBe('2026-11-01T01:30:00-04:00');
    expect(sundays.isOpen(at('2026-11-01T01:15:00-05:00'))).toBe(true);
    expect(sundays.openTimeBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'))).toBe(
      2.5 * HOUR_MS,
    );
    // One week later at the same wall-clock time; a start in the repeated hour's second pass
    // (01:15 EST) counts as 02:00, the time the clock was turned back at.
    expect(local(sundays, sundays.addBusinessDays(at('2026-11-01T01:45:00-04:00'), 1))).toBe(
      '2026-11-08T01:45:00-05:00',
    );
    expect(local(sundays, sundays.addBusinessDays(at('2026-11-01T01:15:00-05:00'), 1))).toBe(
      '2026-11-08T02:00:00-05:00',
    );
  });
});
