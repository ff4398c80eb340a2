/** Business time (DESIGN §6): calendars, durations, the SLA clock and the moments the planners wait for. */
export type { Calendar, CalendarSpec } from './calendar.ts';
export { createCalendar } from './calendar.ts';
export type { Duration } from './duration.ts';
export { DURATION_PATTERN, HOUR_MS, MINUTE_MS, formatDuration, isZero, parseDuration } from './duration.ts';
export { isKnownCountry, isKnownRegion, publicHolidayDates } from './holidays.ts';
export type { Instant } from './instant.ts';
export { fromIso, toIso, toLocalIso } from './instant.ts';
export { DAY_MS } from './local-date.ts';
export type { CaseClock, ExpediteMoments } from './moments.ts';
export { expediteMoments, followUpDueAt, promiseDeadline, tierDueAt, warningAt } from './moments.ts';
export type { OpeningRange, Weekday } from './opening-hours.ts';
export {
  RANGE_PATTERN,
  TIME_PATTERN,
  WEEKDAYS,
  normaliseRanges,
  parseOpeningRange,
  parseTimeOfDay,
} from './opening-hours.ts';
export type { StatusChange } from './sla-clock.ts';
export { currentCycle, cycleStartOf, slaElapsed, slaReachesAt, thresholdOpenMs } from './sla-clock.ts';
