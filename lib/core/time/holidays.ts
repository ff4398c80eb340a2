import Holidays from 'date-holidays';

/** Public holidays of a country (and region) from date-holidays; `public` type only (DESIGN §6). */

const known = new Holidays();

export function isKnownCountry(country: string): boolean {
  return Object.hasOwn(known.getCountries() ?? {}, country.toUpperCase());
}

export function isKnownRegion(country: string, region: string): boolean {
  return Object.hasOwn(known.getStates(country.toUpperCase()) ?? {}, region.toUpperCase());
}

// Building a date-holidays instance and its year costs milliseconds; the answer never changes.
const byYear = new Map<string, readonly string[]>();

/** Local dates (`YYYY-MM-DD`) of the public holidays in one year. */
export function publicHolidayDates(country: string, region: string | undefined, year: number): string[] {
  const key = `${country}/${region ?? ''}/${year}`;
  let dates = byYear.get(key);
  if (!dates) {
    const holidays = region ? new Holidays(country, region) : new Holidays(country);
    dates = holidays
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10));
    byYear.set(key, dates);
  }
  return [...dates];
}
