import Holidays from 'date-holidays';

/** Public holidays of a country (and region) from date-holidays; `public` type only (DESIGN §6). */

const known = new Holidays();

export function isKnownCountry(country: string): boolean {
  return Object.hasOwn(known.getCountries() ?? {}, country.toUpperCase());
}

export function isKnownRegion(country: string, region: string): boolean {
  return Object.hasOwn(known.getStates(country.toUpperCase()) ?? {}, region.toUpperCase());
}

/** Local dates (`YYYY-MM-DD`) of the public holidays in one year. */
export function publicHolidayDates(country: string, region: string | undefined, year: number): string[] {
  const holidays = region ? new Holidays(country, region) : new Holidays(country);
  return holidays
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10));
}
