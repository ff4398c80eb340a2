/**
 * An instant is epoch milliseconds (UTC). Plain numbers keep the core cheap to compute with and
 * trivially serialisable; ISO strings appear only at the edges (config, CRM values, logs).
 */
import { DateTime } from 'luxon';

export type Instant = number;

/** `2026-12-02T07:00:00.000Z` */
export function toIso(t: Instant): string {
  assertInstant(t);
  return new Date(t).toISOString();
}

/** The same instant as local wall-clock time with its offset, e.g. `2026-12-02T09:00:00+02:00`. */
export function toLocalIso(t: Instant, zone: string): string {
  assertInstant(t);
  const local = DateTime.fromMillis(t, { zone });
  if (!local.isValid) throw new Error(`"${zone}" is not an IANA time zone`);
  return local.toISO({ suppressMilliseconds: true }) ?? toIso(t);
}

// A timestamp must say where it is: without an offset it is a wall-clock time, not an instant.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO-8601 timestamp with `Z` or an offset → instant; throws on anything else. */
export function fromIso(text: string): Instant {
  const trimmed = text.trim();
  const parsed = WITH_OFFSET.test(trimmed) ? DateTime.fromISO(trimmed, { setZone: true }) : undefined;
  if (!parsed?.isValid) {
    throw new Error(`"${text}" is not an ISO-8601 timestamp with an offset — e.g. 2026-12-09T15:00:00Z`);
  }
  return parsed.toMillis();
}

export function assertInstant(t: Instant): void {
  if (!Number.isFinite(t)) throw new Error(`${String(t)} is not an instant (epoch milliseconds)`);
}
