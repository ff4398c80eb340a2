/** The pause-aware SLA clock of a case: DESIGN §6's worked example, then properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../../lib/core/model/canonical.ts';
import type { StatusChange } from '../../../../lib/core/time/index.ts';
import {
  HOUR_MS,
  MINUTE_MS,
  currentCycle,
  cycleStartOf,
  slaElapsed,
  slaReachesAt,
  thresholdOpenMs,
} from '../../../../lib/core/time/index.ts';
import { calendar, instant } from './arbitraries.ts';
import { alwaysHelsinki, at, local, supportFi } from './calendars.ts';

const runs = { numRuns: Number(process.env.TIME_PROPERTY_RUNS ?? 150) };
const waiting: readonly CaseStatus[] = ['waiting'];

// Opened Wed 2026-12-02 09:00 Helsinki, waiting on the customer 11:00 → Thu 09:00.
const example: StatusChange[] = [
  { at: at('2026-12-02T09:00:00+02:00'), status: 'new' },
  { at: at('2026-12-02T11:00:00+02:00'), status: 'waiting' },
  { at: at('2026-12-03T09:00:00+02:00'), status: 'open' },
];
const thursday0930 = at('2026-12-03T09:30:00+02:00');
const reached = (changes: StatusChange[], threshold: number, now: number) =>
  local(supportFi, slaReachesAt(changes, waiting, supportFi, threshold, now));

describe("DESIGN §6's example on support-fi", () => {
  it('reaches 1 h at Wed 10:00 (already past) and 4 h at Thu 11:00 (ahead)', () => {
    expect(reached(example, HOUR_MS, thursday0930)).toBe('2026-12-02T10:00:00+02:00');
    // Wed 09–11 counts 2 h; waiting until Thu 09:00 counts nothing; 2 h more → Thu 11:00.
    expect(reached(example, 4 * HOUR_MS, thursday0930)).toBe('2026-12-03T11:00:00+02:00');
    // 8 h: 2 h on Wednesday, 6 h from Thu 09:00 → 15:00.
    expect(reached(example, 8 * HOUR_MS, thursday0930)).toBe('2026-12-03T15:00:00+02:00');
    expect(slaElapsed(example, waiting, supportFi, thursday0930)).toBe(2.5 * HOUR_MS);
  });

  it('has no future moment while waiting, and counts nothing then', () => {
    const wednesday15 = at('2026-12-02T15:00:00+02:00');
    expect(reached(example, 4 * HOUR_MS, wednesday15)).toBeUndefined();
    expect(reached(example, HOUR_MS, wednesday15)).toBe('2026-12-02T10:00:00+02:00');
    expect(slaElapsed(example, waiting, supportFi, wednesday15)).toBe(2 * HOUR_MS);
  });

  it('counts the waiting time when the policy does not pause', () => {
    // Wed 09–17 is 8 h without a pause: 4 h at 13:00.
    expect(local(supportFi, slaReachesAt(example, [], supportFi, 4 * HOUR_MS, thursday0930))).toBe(
      '2026-12-02T13:00:00+02:00',
    );
  });

  it('stops for good at close', () => {
    const closed = [...example, { at: at('2026-12-03T10:00:00+02:00'), status: 'closed' as const }];
    const friday = at('2026-12-04T12:00:00+02:00');
    expect(slaElapsed(closed, waiting, supportFi, friday)).toBe(3 * HOUR_MS);
    expect(reached(closed, 4 * HOUR_MS, friday)).toBeUndefined();
    expect(reached(closed, 3 * HOUR_MS, friday)).toBe('2026-12-03T10:00:00+02:00');
  });

  it('starts a new cycle on reopen', () => {
    const reopened: StatusChange[] = [
      ...example,
      { at: at('2026-12-03T12:00:00+02:00'), status: 'closed' },
      { at: at('2026-12-04T09:00:00+02:00'), status: 'open' },
    ];
    const friday = at('2026-12-04T09:10:00+02:00');
    expect(currentCycle(reopened)).toEqual(reopened.slice(4));
    expect(cycleStartOf(reopened, friday)).toBe(at('2026-12-04T09:00:00+02:00'));
    expect(reached(reopened, HOUR_MS, friday)).toBe('2026-12-04T10:00:00+02:00');
    expect(slaElapsed(reopened, waiting, supportFi, friday)).toBe(10 * MINUTE_MS);
    // Asked before the reopen, the clock is the first cycle's, stopped at close.
    expect(slaElapsed(reopened, waiting, supportFi, at('2026-12-03T18:00:00+02:00'))).toBe(5 * HOUR_MS);
  });

  it('ignores history after now and rejects history out of order', () => {
    expect(slaElapsed(example, waiting, supportFi, at('2026-12-02T10:30:00+02:00'))).toBe(1.5 * HOUR_MS);
    expect(slaElapsed([], waiting, supportFi, thursday0930)).toBe(0);
    expect(slaReachesAt([], waiting, supportFi, HOUR_MS, thursday0930)).toBeUndefined();
    expect(() => slaElapsed([...example].reverse(), waiting, supportFi, thursday0930)).toThrow(/out of time order/);
  });

  it('reaches 0 when the cycle starts', () => {
    expect(reached(example, 0, thursday0930)).toBe('2026-12-02T09:00:00+02:00');
  });
});

describe('thresholdOpenMs', () => {
  it('converts business days to the open time they span from the cycle start', () => {
    // Fri 2026-12-04 10:00 + 1d = Mon 10:00: Fri 10–16 (6 h) + Mon 08–10 (2 h) = 8 h.
    expect(thresholdOpenMs(supportFi, at('2026-12-04T10:00:00+02:00'), { days: 1, openMs: HOUR_MS })).toBe(9 * HOUR_MS);
    expect(thresholdOpenMs(supportFi, at('2026-12-04T10:00:00+02:00'), { days: 0, openMs: HOUR_MS })).toBe(HOUR_MS);
    expect(thresholdOpenMs(alwaysHelsinki, at('2026-03-28T10:00:00+02:00'), { days: 2, openMs: 0 })).toBe(48 * HOUR_MS);
  });
});

describe('properties', () => {
  const status = fc.constantFrom<CaseStatus>('new', 'open', 'waiting', 'closed');
  const gap = fc.oneof(fc.integer({ min: 0, max: 4 * HOUR_MS }), fc.integer({ min: 0, max: 5 * 24 * HOUR_MS }));
  /** A history in time order, and a `now` no earlier than its last change. */
  const history = fc
    .tuple(instant, fc.array(fc.tuple(gap, status), { minLength: 1, maxLength: 8 }), gap)
    .map(([start, steps, tail]) => {
      let t = start;
      const changes = steps.map(([step, s], i) => {
        t += i === 0 ? 0 : step;
        return { at: t, status: s };
      });
      return { changes, now: t + tail };
    });
  const pauses = fc.subarray<CaseStatus>(['new', 'open', 'waiting']);
  const threshold = fc.integer({ min: 0, max: 40 * HOUR_MS });

  it('reads x at the moment it reaches x', () => {
    fc.assert(
      fc.property(calendar, history, pauses, threshold, (cal, { changes, now }, pauseWhile, x) => {
        const when = slaReachesAt(changes, pauseWhile, cal, x, now);
        if (when === undefined) {
          expect(slaElapsed(changes, pauseWhile, cal, now)).toBeLessThan(x);
        } else {
          expect(slaElapsed(changes, pauseWhile, cal, when)).toBe(x);
          // The first such moment: a millisecond earlier it read less (unless x is 0, at the start).
          if (x > 0) expect(slaElapsed(changes, pauseWhile, cal, when - 1)).toBeLessThan(x);
        }
      }),
      runs,
    );
  });

  it('pauses only delay: pausing in more statuses never counts more nor reaches sooner', () => {
    fc.assert(
      fc.property(calendar, history, pauses, pauses, threshold, (cal, { changes, now }, some, extra, x) => {
        const more = [...new Set([...some, ...extra])];
        expect(slaElapsed(changes, more, cal, now)).toBeLessThanOrEqual(slaElapsed(changes, some, cal, now));
        const later = slaReachesAt(changes, more, cal, x, now);
        if (later !== undefined) {
          expect(slaReachesAt(changes, some, cal, x, now)).toBeLessThanOrEqual(later);
        }
      }),
      runs,
    );
  });

  it('never runs backwards within a cycle and never counts more than the open time since it started', () => {
    fc.assert(
      fc.property(calendar, history, pauses, fc.integer({ min: 0, max: 3 * 24 * HOUR_MS }), (cal, h, pauseWhile, d) => {
        const { changes, now } = h;
        const start = cycleStartOf(changes, now) ?? now;
        const elapsed = slaElapsed(changes, pauseWhile, cal, now);
        expect(elapsed).toBeLessThanOrEqual(cal.openTimeBetween(start, now));
        // History ends before now, so no reopen lies between now and now + d.
        expect(slaElapsed(changes, pauseWhile, cal, now + d)).toBeGreaterThanOrEqual(elapsed);
      }),
      runs,
    );
  });
});
