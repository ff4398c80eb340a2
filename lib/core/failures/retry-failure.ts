import type { FailureEntry, Store } from '../ports/store.ts';
import type { WorkflowStarter } from '../ports/workflows.ts';
import { retryExecutionName } from './retry-name.ts';

export interface RetryDeps {
  readonly store: Pick<Store, 'markFailureRetried'>;
  readonly workflows: WorkflowStarter;
}

export interface RetryOutcome {
  /** `already retried`: another retry started this execution first (or this one crashed before marking). */
  readonly outcome: 'started' | 'already retried';
  readonly execution: string;
}

/**
 * Starts the failed workflow again, then marks the failure retried. Start-then-mark under a name
 * derived from the failure makes it exactly once: of two concurrent retries one starts the
 * execution and the other finds the name taken; a retry that crashed between start and mark leaves
 * the failure open, and the next one finds the name taken and only marks it.
 */
export async function retryFailure(deps: RetryDeps, entry: FailureEntry): Promise<RetryOutcome> {
  const execution = retryExecutionName(entry);
  let started: boolean;
  try {
    started = (await deps.workflows.start(entry.workflow, execution, entry.retryInput)) === 'started';
  } catch (error) {
    // A finished execution under the name: this failure was retried already.
    if ((error as Error | undefined)?.name !== 'ExecutionAlreadyExists') throw error;
    started = false;
  }
  // Step Functions answers a repeated start of a running execution with success too: the retry that
  // wins the (conditional) mark is the one that started it.
  const marked = await deps.store.markFailureRetried(entry.id, entry.at);
  return { outcome: started && marked ? 'started' : 'already retried', execution };
}
