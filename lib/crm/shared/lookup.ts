/**
 * A native value's canonical meaning: the config's overrides first, then the CRM's defaults; an
 * exact match first, then one that differs only in case and spacing (admins type "waiting on
 * customer"). Own keys only: a status called `valueOf` must not find Object.prototype's.
 */
export function lookup<T>(
  value: string,
  overrides: Readonly<Record<string, T>> | undefined,
  defaults: Readonly<Record<string, T>>,
): T | undefined {
  const own = (table: Readonly<Record<string, T>> | undefined) =>
    table && Object.hasOwn(table, value) ? table[value] : undefined;
  const exact = own(overrides) ?? own(defaults);
  if (exact !== undefined) return exact;
  const key = value.trim().toLowerCase();
  for (const table of [overrides ?? {}, defaults]) {
    for (const [name, mapped] of Object.entries(table)) if (name.trim().toLowerCase() === key) return mapped;
  }
  return undefined;
}
