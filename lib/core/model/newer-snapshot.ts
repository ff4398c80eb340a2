import type { Instant } from '../time/instant.ts';

/**
 * Whether a record's snapshot is newer than the one stored: later by its modification time, or — two
 * different snapshots stamped the same millisecond, which cannot be ordered by time — the one that
 * arrives later. The same snapshot again (a duplicate delivery) is not newer.
 */
export function isNewerSnapshot<T extends { readonly modifiedAt: Instant }>(next: T, stored: T | undefined): boolean {
  if (!stored) return true;
  if (next.modifiedAt !== stored.modifiedAt) return next.modifiedAt > stored.modifiedAt;
  const keys = new Set([...Object.keys(next), ...Object.keys(stored)]) as Set<keyof T>;
  return ![...keys].every((key) => next[key] === stored[key]);
}
