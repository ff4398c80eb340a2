/** Calendars and helpers for the hand-checked business-time tests. */
import type { Calendar, Instant } from '../../../../lib/core/time/index.ts';
import { createCalendar, fromIso, toLocalIso } from '../../../../lib/core/time/index.ts';

const weekdays = (range: readonly string[]) => ({ mon: range, tue: range, wed: range, thu: range, fri: range });

/** DESIGN §7's support-fi: Mon–Thu 08–17, Fri 08–16, Finnish public holidays and Christmas Eve. */
export const supportFi = createCalendar('support-fi', {
  timezone: 'Europe/Helsinki',
  hours: { ...weekdays(['08:00-17:00']), fri: ['08:00-16:00'] },
  holidays: { country: 'FI', dates: ['2026-12-24'] },
});

export const lunchFi = createCalendar('lunch-fi', {
  timezone: 'Europe/Helsinki',
  hours: weekdays(['08:00-12:00', '13:00-17:00']),
});

export const berlin = createCalendar('berlin', { timezone: 'Europe/Berlin', hours: weekdays(['08:00-17:00']) });
export const berlinSundayNights = createCalendar('berlin-sunday-nights', {
  timezone: 'Europe/Berlin',
  hours: { sun: ['00:00-06:00'] },
});

export const newYork = createCalendar('new-york', { timezone: 'America/New_York', hours: weekdays(['09:00-17:00']) });

export const alwaysHelsinki = createCalendar('always-helsinki', { timezone: 'Europe/Helsinki', hours: '24x7' });
export const alwaysNewYork = createCalendar('always-new-york', { timezone: 'America/New_York', hours: '24x7' });

/** An ISO timestamp with offset → instant. */
export const at = (iso: string): Instant => fromIso(iso);

/** An instant as local time with offset in the calendar's zone, to compare with literal expectations. */
export const local = (calendar: Calendar, t: Instant | undefined): string | undefined =>
  t === undefined ? undefined : toLocalIso(t, calendar.zone);
