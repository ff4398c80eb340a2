import type { FailureEntry } from '../ports/store.ts';
import { retryFailures, type RetryFailuresDeps, type RetryReport } from './retry-failures.ts';
import type { FailureSelection } from './select-failures.ts';

/**
 * What `crmflow failures` does, wherever the failures are: on a deployed stack (through the
 * ports' AWS adapters) or in a running `crmflow dev` (through its admin API).
 */
export interface FailureAdmin {
  /** In time order; all of them without a state. */
  list(state?: FailureEntry['state']): Promise<FailureEntry[]>;
  retry(selection: FailureSelection): Promise<RetryReport[]>;
}

export function failureAdmin(deps: RetryFailuresDeps): FailureAdmin {
  return {
    list: (state) => deps.store.listFailures(state),
    retry: (selection) => retryFailures(deps, selection),
  };
}
