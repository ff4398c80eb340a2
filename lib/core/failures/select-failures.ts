import type { FailureEntry } from '../ports/store.ts';

/** Which failures an admin asked to retry: some by id, or every open one. */
export type FailureSelection = { readonly ids: readonly string[] } | { readonly allOpen: true };

/** A failure to retry, or why an asked-for id has nothing to retry. */
export type Selected =
  | { readonly id: string; readonly entry: FailureEntry }
  | { readonly id: string; readonly outcome: 'already retried' | 'not found' };

/**
 * The open entries to retry, oldest first. An id can have more than one open entry (a retry that
 * failed again records a new one under the same id, later): each is retried, in time order, so the
 * store's mark — which takes the oldest open entry of an id — marks the one just retried.
 */
export function selectFailures(failures: readonly FailureEntry[], selection: FailureSelection): Selected[] {
  const open = failures.filter((entry) => entry.state === 'open').sort((a, b) => a.at - b.at);
  if ('allOpen' in selection) return open.map((entry) => ({ id: entry.id, entry }));
  return [...new Set(selection.ids)].flatMap((id): Selected[] => {
    const entries = open.filter((entry) => entry.id === id);
    if (entries.length > 0) return entries.map((entry) => ({ id, entry }));
    return [{ id, outcome: failures.some((entry) => entry.id === id) ? 'already retried' : 'not found' }];
  });
}
