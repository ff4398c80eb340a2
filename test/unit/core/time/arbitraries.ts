/** fast-check generators shared by the business-time property suites. */
import fc from 'fast-check';
import type { Calendar, CalendarSpec, Instant, Weekday } from '../../../../lib/core/time/index.ts';
import { HOUR_MS, MINUTE_MS, WEEKDAYS, createCalendar } from '../../../../lib/core/time/index.ts';

export const ZONES = ['Europe/Helsinki', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata'] as const;

const DAY_MS = 24 * HOUR_MS;
const FROM = Date.UTC(2025, 0, 1);
const UNTIL = Date.UTC(2028, 0, 1);

/** The DST changes of the zones above, 2025–2027 (EU last Sundays of Mar/Oct, US 2nd Sun Mar / 1st Sun Nov). */
const DST_DAYS = [
  '2025-03-09',
  '2025-03-30',
  '2025-10-26',
  '2025-11-02',
  '2026-03-08',
  '2026-03-29',
  '2026-10-25',
  '2026-11-01',
  '2027-03-14',
  '2027-03-28',
  '2027-10-31',
  '2027-11-07',
];

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A valid `HH:MM-HH:MM`, on quarter hours (so ranges touch and meet DST edges) or any minute. */
const range = fc
  .oneof(
    fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 })).map(([a, b]) => [a * 15, b * 15]),
    fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })),
  )
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => `${hhmm(Math.min(a, b))}-${hhmm(Math.max(a, b))}`);

const dayHours: fc.Arbitrary<readonly string[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant([]) },
  { weight: 3, arbitrary: fc.constant(['08:00-17:00']) },
  { weight: 2, arbitrary: fc.constant(['08:00-12:00', '13:00-17:00']) },
  { weight: 1, arbitrary: fc.constant(['00:00-24:00']) },
  { weight: 1, arbitrary: fc.constant(['01:00-04:30']) },
  { weight: 3, arbitrary: fc.array(range, { minLength: 1, maxLength: 3 }) },
);

const weeklyHours = fc
  .tuple(...WEEKDAYS.map(() => dayHours))
  .map((perDay) => Object.fromEntries(WEEKDAYS.map((day, i) => [day, perDay[i] ?? []])) as Record<Weekday, string[]>)
  .filter((hours) => Object.values(hours).some((ranges) => ranges.length > 0));

const closedDate = fc.integer({ min: FROM / DAY_MS, max: UNTIL / DAY_MS - 1 }).map((day) => {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
});

export const calendarSpec: fc.Arbitrary<CalendarSpec> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ timezone: fc.constantFrom(...ZONES), hours: fc.constant('24x7' as const) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      timezone: fc.constantFrom(...ZONES),
      hours: weeklyHours,
      holidays: fc.record({
        country: fc.constantFrom(undefined, 'FI', 'DE', 'US'),
        dates: fc.array(closedDate, { maxLength: 12 }),
      }),
    }),
  },
);

/** Calendars built from generated specs; a counterexample prints the spec it came from. */
export const calendar: fc.Arbitrary<Calendar> = calendarSpec.map((spec) =>
  Object.assign(createCalendar('generated', spec), { [fc.toStringMethod]: () => fc.stringify(spec) }),
);

/** Instants across 2025–2027: any millisecond, whole minutes, or quarter hours in a DST week. */
export const instant: fc.Arbitrary<Instant> = fc.oneof(
  fc.integer({ min: FROM, max: UNTIL }),
  fc.integer({ min: FROM / MINUTE_MS, max: UNTIL / MINUTE_MS }).map((minute) => minute * MINUTE_MS),
  fc
    .tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -4 * 96, max: 4 * 96 }))
    .map(([day, quarter]) => Date.parse(`${day}T00:00:00Z`) + quarter * 15 * MINUTE_MS),
);

/** The instants of the DST changes, 2025–2027, per zone (EU at 01:00 UTC; US at 02:00 local). */
const CHANGES: Record<string, readonly string[]> = {
  'Europe/Helsinki': [
    '2025-03-30T01:00Z',
    '2025-10-26T01:00Z',
    '2026-03-29T01:00Z',
    '2026-10-25T01:00Z',
    '2027-03-28T01:00Z',
    '2027-10-31T01:00Z',
  ],
  'Europe/Berlin': [
    '2025-03-30T01:00Z',
    '2025-10-26T01:00Z',
    '2026-03-29T01:00Z',
    '2026-10-25T01:00Z',
    '2027-03-28T01:00Z',
    '2027-10-31T01:00Z',
  ],
  'America/New_York': [
    '2025-03-09T07:00Z',
    '2025-11-02T06:00Z',
    '2026-03-08T07:00Z',
    '2026-11-01T06:00Z',
    '2027-03-14T07:00Z',
    '2027-11-07T06:00Z',
  ],
};

/**
 * Instants within two hours of a DST change of `zone`, or whole days before one (so that "the same
 * wall-clock time n days later" lands in the change), on whole minutes or any millisecond.
 */
export function nearDstChange(zone: string): fc.Arbitrary<Instant> {
  const changes = CHANGES[zone] ?? ['2026-03-29T01:00Z'];
  return fc
    .tuple(
      fc.constantFrom(...changes),
      fc.integer({ min: 0, max: 3 }),
      fc.oneof(
        fc.integer({ min: -120, max: 120 }).map((minute) => minute * MINUTE_MS),
        fc.integer({ min: -2 * HOUR_MS, max: 2 * HOUR_MS }),
      ),
    )
    .map(([change, daysBefore, offset]) => Date.parse(change) - daysBefore * DAY_MS + offset);
}

/** Open time: any millisecond up to 60 h, or whole quarter hours. */
export const openMs: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 60 * HOUR_MS }),
  fc.integer({ min: 0, max: 240 }).map((quarter) => quarter * 15 * MINUTE_MS),
);

export const businessDays = fc.integer({ min: 0, max: 8 });

/** A step of up to two hours, for pairs of instants around one DST change. */
export const shortStep: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 120 }).map((minute) => minute * MINUTE_MS),
  fc.integer({ min: 0, max: 2 * HOUR_MS }),
);

/** A non-negative step: a few minutes, hours, or weeks. */
export const step: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 30 * MINUTE_MS }),
  fc.integer({ min: 0, max: 6 * HOUR_MS }),
  fc.integer({ min: 0, max: 21 * DAY_MS }),
);
