/**
 * Hand-checked business time on ordinary days: closing moments, Friday afternoons, lunch breaks,
 * Finnish public holidays and explicit closed dates. Expected instants are literal local times.
 */
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS, createCalendar, parseDuration } from '../../../../lib/core/time/index.ts';
import { alwaysHelsinki, at, local, lunchFi, supportFi } from './calendars.ts';

const d = (text: string) => parseDuration(text) ?? { days: Number.NaN, openMs: Number.NaN };

describe('opening hours (support-fi: Mon–Thu 08–17, Fri 08–16, Europe/Helsinki)', () => {
  it('counts the closing moment as open: one hour from 16:00 is 17:00 the same day', () => {
    expect(local(supportFi, supportFi.addOpenTime(at('2026-11-30T16:00:00+02:00'), HOUR_MS))).toBe(
      '2026-11-30T17:00:00+02:00',
    );
    expect(supportFi.isOpen(at('2026-11-30T17:00:00+02:00'))).toBe(true);
    expect(supportFi.isOpen(at('2026-11-30T17:00:00.001+02:00'))).toBe(false);
    expect(supportFi.isOpen(at('2026-11-30T07:59:59.999+02:00'))).toBe(false);
  });

  it('rolls a Friday afternoon over to Monday: Fri 15:30 + 1h → Mon 08:30', () => {
    // Friday closes at 16:00: 30 min on Friday, the other 30 min from Monday 08:00.
    expect(local(supportFi, supportFi.addOpenTime(at('2026-11-27T15:30:00+02:00'), HOUR_MS))).toBe(
      '2026-11-30T08:30:00+02:00',
    );
  });

  it('finds the next and previous open moments', () => {
    expect(local(supportFi, supportFi.nextOpen(at('2026-11-27T16:30:00+02:00')))).toBe('2026-11-30T08:00:00+02:00');
    expect(local(supportFi, supportFi.nextOpen(at('2026-11-30T10:00:00+02:00')))).toBe('2026-11-30T10:00:00+02:00');
    expect(local(supportFi, supportFi.previousOpen(at('2026-11-29T12:00:00+02:00')))).toBe('2026-11-27T16:00:00+02:00');
  });

  it('measures open time between two moments', () => {
    // Fri 15:00–16:00 (1 h) + Mon 08:00–10:00 (2 h).
    expect(supportFi.openTimeBetween(at('2026-11-27T15:00:00+02:00'), at('2026-11-30T10:00:00+02:00'))).toBe(
      3 * HOUR_MS,
    );
    expect(supportFi.openTimeBetween(at('2026-11-30T10:00:00+02:00'), at('2026-11-27T15:00:00+02:00'))).toBe(0);
  });

  it('subtracts open time backwards over the weekend', () => {
    // Mon 08:00–09:00 is 1 h; the other hour ends Friday at 16:00 → 15:00.
    expect(local(supportFi, supportFi.subtractOpenTime(at('2026-11-30T09:00:00+02:00'), 2 * HOUR_MS))).toBe(
      '2026-11-27T15:00:00+02:00',
    );
  });

  it('adds business days at the same wall-clock time, or the next open moment after it', () => {
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-11-26T16:30:00+02:00'), 1))).toBe(
      // Thu 16:30 → Fri 16:30, after Friday's 16:00 close → Mon 08:00.
      '2026-11-30T08:00:00+02:00',
    );
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-11-27T10:00:00+02:00'), 1))).toBe(
      '2026-11-30T10:00:00+02:00',
    );
    // 0 days: just the next open moment.
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-11-28T10:00:00+02:00'), 0))).toBe(
      '2026-11-30T08:00:00+02:00',
    );
  });

  it('counts business days from the next opening when the start is outside opening hours', () => {
    // Saturday 10:00 behaves like Monday 08:00: one business day later is Tuesday 08:00, not
    // Monday 10:00 — otherwise a Friday-evening start (→ Tue 08:00) would get a later answer than a
    // later Saturday start.
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-11-28T10:00:00+02:00'), 1))).toBe(
      '2026-12-01T08:00:00+02:00',
    );
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-11-27T18:00:00+02:00'), 1))).toBe(
      '2026-12-01T08:00:00+02:00',
    );
  });

  it('subtracts business days, landing on the previous open moment', () => {
    // Mon 16:30 → Fri 16:30, after Friday's close → Fri 16:00.
    expect(local(supportFi, supportFi.subtractBusinessDays(at('2026-11-30T16:30:00+02:00'), 1))).toBe(
      '2026-11-27T16:00:00+02:00',
    );
    expect(local(supportFi, supportFi.subtractBusinessDays(at('2026-12-01T09:00:00+02:00'), 2))).toBe(
      '2026-11-27T09:00:00+02:00',
    );
  });

  it('adds a combined duration days first, and subtracts it open time first', () => {
    // Mon 15:00 + 1d → Tue 15:00; + 4h → Tue 15–17 (2 h) and Wed 08–10 (2 h) → Wed 10:00.
    expect(local(supportFi, supportFi.add(at('2026-11-30T15:00:00+02:00'), d('1d4h')))).toBe(
      '2026-12-02T10:00:00+02:00',
    );
    // And back: Wed 10:00 − 4h → Tue 15:00; − 1d → Mon 15:00.
    expect(local(supportFi, supportFi.subtract(at('2026-12-02T10:00:00+02:00'), d('1d4h')))).toBe(
      '2026-11-30T15:00:00+02:00',
    );
  });

  it('places a local time on the date, or the next open day, then the next open moment', () => {
    // Saturday → Monday 10:00.
    expect(local(supportFi, supportFi.atLocalTime(at('2026-12-05T12:00:00+02:00'), 10 * 60))).toBe(
      '2026-12-07T10:00:00+02:00',
    );
    // 07:00 on an open day is before opening → 08:00 the same day.
    expect(local(supportFi, supportFi.atLocalTime(at('2026-11-30T15:00:00+02:00'), 7 * 60))).toBe(
      '2026-11-30T08:00:00+02:00',
    );
    // 18:00 on a Friday → Monday 08:00.
    expect(local(supportFi, supportFi.atLocalTime(at('2026-11-27T09:00:00+02:00'), 18 * 60))).toBe(
      '2026-11-30T08:00:00+02:00',
    );
  });

  it('knows the last open moment of a date', () => {
    expect(local(supportFi, supportFi.lastOpenMomentOf('2026-12-09'))).toBe('2026-12-09T17:00:00+02:00');
    expect(local(supportFi, supportFi.lastOpenMomentOf('2026-12-11'))).toBe('2026-12-11T16:00:00+02:00');
    // Saturday: Friday's close.
    expect(local(supportFi, supportFi.lastOpenMomentOf('2026-12-12'))).toBe('2026-12-11T16:00:00+02:00');
  });
});

describe('ranges split over lunch (08:00-12:00, 13:00-17:00)', () => {
  it('skips the lunch hour', () => {
    // 11:30–12:00 is 30 min; the other 30 min from 13:00.
    expect(local(lunchFi, lunchFi.addOpenTime(at('2026-11-30T11:30:00+02:00'), HOUR_MS))).toBe(
      '2026-11-30T13:30:00+02:00',
    );
    expect(lunchFi.openTimeBetween(at('2026-11-30T08:00:00+02:00'), at('2026-11-30T17:00:00+02:00'))).toBe(8 * HOUR_MS);
  });

  it('ends an hour from 11:00 at 12:00, the morning close', () => {
    expect(local(lunchFi, lunchFi.addOpenTime(at('2026-11-30T11:00:00+02:00'), HOUR_MS))).toBe(
      '2026-11-30T12:00:00+02:00',
    );
  });

  it('is closed over lunch but open at both edges', () => {
    expect(lunchFi.isOpen(at('2026-11-30T12:30:00+02:00'))).toBe(false);
    expect(lunchFi.isOpen(at('2026-11-30T12:00:00+02:00'))).toBe(true);
    expect(lunchFi.isOpen(at('2026-11-30T13:00:00+02:00'))).toBe(true);
    expect(local(lunchFi, lunchFi.nextOpen(at('2026-11-30T12:30:00+02:00')))).toBe('2026-11-30T13:00:00+02:00');
    expect(local(lunchFi, lunchFi.previousOpen(at('2026-11-30T12:30:00+02:00')))).toBe('2026-11-30T12:00:00+02:00');
  });

  it('moves a business day that lands in lunch to 13:00', () => {
    expect(local(lunchFi, lunchFi.addBusinessDays(at('2026-11-30T12:30:00+02:00'), 1))).toBe(
      '2026-12-01T13:00:00+02:00',
    );
  });

  it('merges touching ranges: 08:00-12:00 + 12:00-17:00 is one open day', () => {
    const touching = createCalendar('touching', {
      timezone: 'Europe/Helsinki',
      hours: { mon: ['12:00-17:00', '08:00-12:00'] },
    });
    expect(touching.openTimeBetween(at('2026-11-30T00:00:00+02:00'), at('2026-12-01T00:00:00+02:00'))).toBe(
      9 * HOUR_MS,
    );
    expect(local(touching, touching.addOpenTime(at('2026-11-30T11:30:00+02:00'), HOUR_MS))).toBe(
      '2026-11-30T12:30:00+02:00',
    );
  });
});

describe('public holidays (FI) and explicit closed dates', () => {
  it('closes Finnish public holidays on weekdays and the explicit Christmas Eve', () => {
    expect(supportFi.isOpenDay('2026-12-23')).toBe(true);
    expect(supportFi.isOpenDay('2026-12-24')).toBe(false); // explicit date (Thu)
    expect(supportFi.isOpenDay('2026-12-25')).toBe(false); // Christmas Day (Fri)
    expect(supportFi.isOpenDay('2026-12-26')).toBe(false); // Saturday: no hours
    expect(supportFi.isOpenDay('2027-01-01')).toBe(false); // New Year's Day (Fri)
    expect(supportFi.isOpenDay('2027-01-06')).toBe(false); // Epiphany (Wed)
    expect(supportFi.isOpenDay('2027-01-07')).toBe(true);
    expect(supportFi.isOpen(at('2026-12-25T10:00:00+02:00'))).toBe(false);
  });

  it('skips Christmas: Wed 2026-12-23 16:00 + 2h → Mon 2026-12-28 09:00', () => {
    // Wed 16–17 is 1 h; Thu 24 (explicit), Fri 25 (holiday), Sat, Sun closed; Mon 08:00 + 1 h.
    expect(local(supportFi, supportFi.addOpenTime(at('2026-12-23T16:00:00+02:00'), 2 * HOUR_MS))).toBe(
      '2026-12-28T09:00:00+02:00',
    );
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-12-23T10:00:00+02:00'), 1))).toBe(
      '2026-12-28T10:00:00+02:00',
    );
  });

  it("skips New Year's Day: Thu 2026-12-31 12:00 + 1d → Mon 2027-01-04 12:00", () => {
    expect(local(supportFi, supportFi.addBusinessDays(at('2026-12-31T12:00:00+02:00'), 1))).toBe(
      '2027-01-04T12:00:00+02:00',
    );
  });

  it('skips Epiphany: Tue 2027-01-05 16:30 + 1h → Thu 2027-01-07 08:30', () => {
    // Tue 16:30–17:00 is 30 min; Wed 6 is a holiday; Thu 08:00 + 30 min.
    expect(local(supportFi, supportFi.addOpenTime(at('2027-01-05T16:30:00+02:00'), HOUR_MS))).toBe(
      '2027-01-07T08:30:00+02:00',
    );
    expect(local(supportFi, supportFi.subtractOpenTime(at('2027-01-07T08:30:00+02:00'), HOUR_MS))).toBe(
      '2027-01-05T16:30:00+02:00',
    );
  });

  it('gives the last open moment before a closed date', () => {
    // Christmas Day: the 24th is closed too → Wed 23rd's close.
    expect(local(supportFi, supportFi.lastOpenMomentOf('2026-12-25'))).toBe('2026-12-23T17:00:00+02:00');
    expect(local(supportFi, supportFi.lastOpenMomentOf('2027-01-06'))).toBe('2027-01-05T17:00:00+02:00');
  });

  it('names local dates in the zone', () => {
    expect(supportFi.localDateOf(at('2026-12-24T22:30:00Z'))).toBe('2026-12-25');
  });
});

describe('24x7', () => {
  it('counts plain elapsed time and ignores holidays', () => {
    const always = createCalendar('always-fi', {
      timezone: 'Europe/Helsinki',
      hours: '24x7',
      holidays: { country: 'FI', dates: ['2026-12-24'] },
    });
    expect(always.isOpenDay('2026-12-25')).toBe(true);
    expect(local(always, always.addOpenTime(at('2026-12-24T22:00:00+02:00'), 90 * MINUTE_MS))).toBe(
      '2026-12-24T23:30:00+02:00',
    );
    expect(always.openTimeBetween(at('2026-12-24T00:00:00+02:00'), at('2026-12-26T00:00:00+02:00'))).toBe(48 * HOUR_MS);
  });

  it("ends a date at its 24:00 and places local times on t's own date", () => {
    expect(local(alwaysHelsinki, alwaysHelsinki.lastOpenMomentOf('2026-12-09'))).toBe('2026-12-10T00:00:00+02:00');
    expect(local(alwaysHelsinki, alwaysHelsinki.atLocalTime(at('2026-12-12T15:00:00+02:00'), 600))).toBe(
      '2026-12-12T10:00:00+02:00',
    );
  });
});

describe('bad input', () => {
  const spec = { timezone: 'Europe/Helsinki', hours: { mon: ['08:00-17:00'] } };

  it('names the calendar and the problem', () => {
    expect(() => createCalendar('x', { ...spec, timezone: 'Mars/Olympus' })).toThrow(
      /calendar "x": "Mars\/Olympus" is not an IANA time zone/,
    );
    expect(() => createCalendar('x', { ...spec, hours: { mon: ['17:00-08:00'] } })).toThrow(
      /"17:00-08:00" \(mon\) is not an opening range/,
    );
    expect(() => createCalendar('x', { ...spec, hours: { monday: ['08:00-17:00'] } as never })).toThrow(
      /"monday" is not a weekday/,
    );
    expect(() => createCalendar('x', { ...spec, holidays: { country: 'XX' } })).toThrow(/"XX" is not a country/);
    expect(() => createCalendar('x', { ...spec, holidays: { region: 'BY' } })).toThrow(/region needs a country/);
    expect(() => createCalendar('x', { ...spec, holidays: { country: 'DE', region: 'ZZ' } })).toThrow(
      /"ZZ" is not a region of DE/,
    );
    expect(() => createCalendar('x', { ...spec, holidays: { dates: ['2026-13-01'] } })).toThrow(
      /closed date "2026-13-01"/,
    );
  });

  it('rejects bad numbers instead of computing NaN', () => {
    expect(() => supportFi.addOpenTime(Number.NaN, HOUR_MS)).toThrow(/not an instant/);
    expect(() => supportFi.addOpenTime(0, Number.POSITIVE_INFINITY)).toThrow(/not an amount of open time/);
    expect(() => supportFi.addBusinessDays(0, 1.5)).toThrow(/whole number of business days/);
    expect(() => supportFi.atLocalTime(0, 1441)).toThrow(/not a minute of the day/);
    expect(() => supportFi.lastOpenMomentOf('9 Dec')).toThrow(/not a date/);
  });

  it('gives up, naming the calendar, when it never opens', () => {
    const never = createCalendar('never', { timezone: 'UTC', hours: {} });
    expect(() => never.nextOpen(at('2026-01-01T00:00:00Z'))).toThrow(/calendar "never" has no open time within/);
    expect(() => never.addOpenTime(at('2026-01-01T00:00:00Z'), HOUR_MS)).toThrow(/calendar "never"/);
    expect(() => never.subtractBusinessDays(at('2026-01-01T00:00:00Z'), 1)).toThrow(/calendar "never"/);
    expect(never.openTimeBetween(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(0);
    // Closed by explicit dates only: Mondays exist, but every one in reach is closed.
    const closedMondays = createCalendar('closed-mondays', {
      timezone: 'UTC',
      hours: { mon: ['08:00-09:00'] },
      holidays: {
        dates: Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10)),
      },
    });
    expect(() => closedMondays.nextOpen(at('2026-01-01T00:00:00Z'))).toThrow(/calendar "closed-mondays"/);
  });
});
