import type { RecordRef } from '../model/crm-event.ts';
import type { Clock } from '../ports/clock.ts';
import type { Store } from '../ports/store.ts';

/** What a workflow's Catch hands to its RecordFailure state. */
export interface FailureInput {
  readonly workflow: string;
  readonly input: { readonly ref: RecordRef; readonly version: number; readonly [key: string]: unknown };
  readonly failure: { readonly Error?: string; readonly Cause?: string };
}

/**
 * Keeps a failed execution where an admin finds it (`crmflow failures`) and can retry it. The id is
 * the execution's own name, so recording twice keeps one entry.
 */
export async function recordFailure(deps: { store: Store; clock: Clock }, { workflow, input, failure }: FailureInput) {
  const { ref, version } = input;
  await deps.store.recordFailure({
    id: `${workflow}-${ref.crm}-${ref.id}-v${version}`,
    at: deps.clock.now(),
    workflow,
    ref,
    step: typeof input['decision'] === 'object' ? 'act' : 'plan',
    error: failure.Error ?? 'Error',
    cause: failure.Cause ?? '',
    retryInput: { ref, version },
    state: 'open',
  });
  await deps.store.appendAudit(ref, {
    at: deps.clock.now(),
    type: 'failure',
    summary: `${workflow} failed: ${failure.Error ?? 'Error'}`,
  });
}
