/** Argument checks shared by the calendars: a bad number fails loudly instead of giving NaN deadlines. */

export function assertOpenMs(ms: number): void {
  if (!Number.isFinite(ms)) throw new Error(`${String(ms)} is not an amount of open time (milliseconds)`);
}

export function assertDays(n: number): void {
  if (!Number.isSafeInteger(n)) throw new Error(`${String(n)} is not a whole number of business days`);
}

/** 0…1440 (24:00) minutes after local midnight. */
export function assertMinuteOfDay(minute: number): void {
  if (!Number.isInteger(minute) || minute < 0 || minute > 1440) {
    throw new Error(`${String(minute)} is not a minute of the day (0…1440)`);
  }
}
