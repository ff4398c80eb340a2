/** The moments the planners wait for, hand-checked on support-fi (Mon–Thu 08–17, Fri 08–16, FI holidays). */
import { describe, expect, it } from 'vitest';
import type { CaseClock, Duration, StatusChange } from '../../../../lib/core/time/index.ts';
import {
  expediteMoments,
  followUpDueAt,
  parseDuration,
  parseTimeOfDay,
  promiseDeadline,
  tierDueAt,
  warningAt,
} from '../../../../lib/core/time/index.ts';
import { alwaysHelsinki, at, local, supportFi } from './calendars.ts';

const d = (text: string): Duration => parseDuration(text) ?? { days: Number.NaN, openMs: Number.NaN };
const ten = parseTimeOfDay('10:00') ?? Number.NaN;

describe('escalation tiers and warnings', () => {
  // Opened Wed 2026-12-02 09:00, waiting 11:00 → Thu 09:00; asked Thu 09:30.
  const changes: StatusChange[] = [
    { at: at('2026-12-02T09:00:00+02:00'), status: 'new' },
    { at: at('2026-12-02T11:00:00+02:00'), status: 'waiting' },
    { at: at('2026-12-03T09:00:00+02:00'), status: 'open' },
  ];
  const clock: CaseClock = {
    calendar: supportFi,
    changes,
    pauseWhile: ['waiting'],
    now: at('2026-12-03T09:30:00+02:00'),
  };

  it('fires tier 1h at Wed 10:00 and tier 4h at Thu 11:00', () => {
    expect(local(supportFi, tierDueAt(clock, d('1h')))).toBe('2026-12-02T10:00:00+02:00');
    expect(local(supportFi, tierDueAt(clock, d('4h')))).toBe('2026-12-03T11:00:00+02:00');
  });

  it('warns 15 open minutes before each tier', () => {
    expect(local(supportFi, warningAt(clock, d('1h'), d('15m')))).toBe('2026-12-02T09:45:00+02:00');
    // 3 h 45 min on the clock: 2 h Wednesday + 1 h 45 min from Thu 09:00.
    expect(local(supportFi, warningAt(clock, d('4h'), d('15m')))).toBe('2026-12-03T10:45:00+02:00');
  });

  it('never warns before the cycle starts', () => {
    expect(local(supportFi, warningAt(clock, d('1h'), d('2h')))).toBe('2026-12-02T09:00:00+02:00');
  });

  it('has no moment while paused short of the tier, or before the case exists', () => {
    const waitingNow = { ...clock, now: at('2026-12-02T15:00:00+02:00') };
    expect(tierDueAt(waitingNow, d('4h'))).toBeUndefined();
    expect(warningAt(waitingNow, d('4h'), d('15m'))).toBeUndefined();
    expect(tierDueAt({ ...clock, changes: [] }, d('1h'))).toBeUndefined();
  });

  it('measures a tier in business days from the cycle start', () => {
    // 1d from Wed 09:00 = Thu 09:00, which spans Wed 09–17 (8 h) + Thu 08–09 (1 h) = 9 h of open
    // time. The clock has 2 h from Wednesday and runs again from Thu 09:00 → 7 h more → Thu 16:00.
    expect(local(supportFi, tierDueAt(clock, d('1d')))).toBe('2026-12-03T16:00:00+02:00');
  });
});

describe('follow-up due times', () => {
  it('closed Mon 2026-11-30 11:00, after 2d at 10:00 → Wed 2026-12-02 10:00; remind 1d later → Thu 10:00', () => {
    const due = followUpDueAt(supportFi, at('2026-11-30T11:00:00+02:00'), d('2d'), ten);
    expect(local(supportFi, due)).toBe('2026-12-02T10:00:00+02:00');
    expect(local(supportFi, supportFi.add(due, d('1d')))).toBe('2026-12-03T10:00:00+02:00');
  });

  it('without `at`, is just `after` from the close', () => {
    expect(local(supportFi, followUpDueAt(supportFi, at('2026-11-30T11:00:00+02:00'), d('2d')))).toBe(
      '2026-12-02T11:00:00+02:00',
    );
  });

  it('moves over holidays: closed Wed 2026-12-23 11:00 + 1d at 10:00 → Mon 2026-12-28 10:00', () => {
    // Thu 24 (explicit) and Fri 25 (Christmas) are closed.
    expect(local(supportFi, followUpDueAt(supportFi, at('2026-12-23T11:00:00+02:00'), d('1d'), ten))).toBe(
      '2026-12-28T10:00:00+02:00',
    );
  });

  it('on 24x7, places `at` on the due date itself', () => {
    // Sat 2026-12-05 11:00 + 2 × 24 h = Mon 11:00 → 10:00 that Monday.
    expect(local(alwaysHelsinki, followUpDueAt(alwaysHelsinki, at('2026-12-05T11:00:00+02:00'), d('2d'), ten))).toBe(
      '2026-12-07T10:00:00+02:00',
    );
  });
});

describe('promise dates', () => {
  it('reads a date as the last open moment of that date', () => {
    expect(local(supportFi, promiseDeadline(supportFi, '2026-12-09'))).toBe('2026-12-09T17:00:00+02:00');
    expect(local(supportFi, promiseDeadline(supportFi, '2026-12-11'))).toBe('2026-12-11T16:00:00+02:00');
  });

  it('reads a closed date as the previous open day’s close', () => {
    expect(local(supportFi, promiseDeadline(supportFi, '2027-01-06'))).toBe('2027-01-05T17:00:00+02:00');
    expect(local(supportFi, promiseDeadline(supportFi, '2026-12-25'))).toBe('2026-12-23T17:00:00+02:00');
  });

  it('reads a timestamp as itself', () => {
    expect(promiseDeadline(supportFi, '2026-12-09T12:00:00Z')).toBe(at('2026-12-09T14:00:00+02:00'));
    expect(promiseDeadline(supportFi, '2026-12-13T12:00:00+02:00')).toBe(at('2026-12-13T10:00:00Z'));
  });

  it('rejects anything else, including a timestamp without an offset', () => {
    expect(() => promiseDeadline(supportFi, '2026-12-09T12:00:00')).toThrow(/neither a date .* nor a timestamp/);
    expect(() => promiseDeadline(supportFi, 'next week')).toThrow(/neither a date/);
    expect(() => promiseDeadline(supportFi, '2026-02-30')).toThrow(/not a date/);
  });
});

describe('expedite moments', () => {
  it('measures shipBy and checkBefore backwards from the promise', () => {
    // Promise Wed 2026-12-09 → 17:00. shipBy 1d → Tue 17:00. checkBefore 2d → Mon 17:00.
    const moments = expediteMoments(supportFi, '2026-12-09', { shipBy: d('1d'), checkBefore: d('2d') });
    expect(local(supportFi, moments.promiseAt)).toBe('2026-12-09T17:00:00+02:00');
    expect(local(supportFi, moments.shipByAt)).toBe('2026-12-08T17:00:00+02:00');
    expect(local(supportFi, moments.checkAt)).toBe('2026-12-07T17:00:00+02:00');
  });

  it('ships by the promise itself by default or with a zero lead, and checks only when asked', () => {
    const promiseAt = at('2026-12-09T17:00:00+02:00');
    expect(expediteMoments(supportFi, '2026-12-09')).toEqual({ promiseAt, shipByAt: promiseAt });
    expect(expediteMoments(supportFi, '2026-12-09', { shipBy: d('0h') })).toEqual({ promiseAt, shipByAt: promiseAt });
  });

  it('counts an open-time lead in open hours: 4h before Wed 17:00 is 13:00; 10h is Tue 16:00', () => {
    expect(local(supportFi, expediteMoments(supportFi, '2026-12-09', { shipBy: d('4h') }).shipByAt)).toBe(
      '2026-12-09T13:00:00+02:00',
    );
    // Wed 08–17 is 9 h; 1 h more back from Tue 17:00.
    expect(local(supportFi, expediteMoments(supportFi, '2026-12-09', { shipBy: d('10h') }).shipByAt)).toBe(
      '2026-12-08T16:00:00+02:00',
    );
  });

  it('leads back from a timestamp outside opening hours through the previous open moment', () => {
    // Sun 2026-12-13 12:00: 1h back → Fri 16:00 close − 1 h = 15:00.
    expect(
      local(supportFi, expediteMoments(supportFi, '2026-12-13T12:00:00+02:00', { shipBy: d('1h') }).shipByAt),
    ).toBe('2026-12-11T15:00:00+02:00');
  });
});
