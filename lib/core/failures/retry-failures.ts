import type { Instant } from '../time/instant.ts';
import type { Store } from '../ports/store.ts';
import { retryFailure, type RetryDeps } from './retry-failure.ts';
import { selectFailures, type FailureSelection } from './select-failures.ts';

export interface RetryFailuresDeps extends RetryDeps {
  readonly store: Pick<Store, 'listFailures' | 'markFailureRetried'>;
}

/** What happened to one asked-for failure (`crmflow failures retry` prints one line of it). */
export interface RetryReport {
  readonly id: string;
  readonly outcome: 'started' | 'already retried' | 'not found' | 'failed';
  /** When the retried entry was recorded (absent when nothing was retried). */
  readonly at?: Instant;
  readonly workflow?: string;
  /** The execution the retry started or found. */
  readonly execution?: string;
  /** Why a retry failed (the start or the mark threw). */
  readonly reason?: string;
}

/** Retries the selected failures one by one; one that cannot be started does not stop the rest. */
export async function retryFailures(deps: RetryFailuresDeps, selection: FailureSelection): Promise<RetryReport[]> {
  const reports: RetryReport[] = [];
  for (const selected of selectFailures(await deps.store.listFailures(), selection)) {
    if (!('entry' in selected)) {
      reports.push({ id: selected.id, outcome: selected.outcome });
      continue;
    }
    const { entry } = selected;
    const about = { id: entry.id, at: entry.at, workflow: entry.workflow };
    try {
      reports.push({ ...about, ...(await retryFailure(deps, entry)) });
    } catch (error) {
      reports.push({ ...about, outcome: 'failed', reason: describe(error) });
    }
  }
  return reports;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
}
