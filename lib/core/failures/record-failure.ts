import type { RecordRef } from '../model/crm-event.ts';
import type { Clock } from '../ports/clock.ts';
import type { Store } from '../ports/store.ts';

/** What a workflow's Catch hands to its RecordFailure state: the execution's state and the error. */
export interface FailureInput {
  readonly workflow: string;
  readonly input: { readonly ref: RecordRef; readonly [key: string]: unknown };
  readonly failure: { readonly Error?: string; readonly Cause?: string };
}

/**
 * Keeps a failed execution where an admin finds it (`crmflow failures`) and can start it again. The
 * id names the execution (workflow, record, plan version or close), so recording twice keeps one.
 */
export async function recordFailure(deps: { store: Store; clock: Clock }, { workflow, input, failure }: FailureInput) {
  const { decision, failure: _caught, ...retryInput } = input;
  const { ref } = input;
  const which = typeof input['version'] === 'number' ? `v${input['version']}` : `c${String(input['occurrence'] ?? 1)}`;
  await deps.store.recordFailure({
    id: `${workflow}-${ref.crm}-${ref.id}-${which}`,
    at: deps.clock.now(),
    workflow,
    ref,
    step: decision === undefined ? 'plan' : 'act',
    error: failure.Error ?? 'Error',
    cause: failure.Cause ?? '',
    retryInput,
    state: 'open',
  });
  await deps.store.appendAudit(ref, {
    at: deps.clock.now(),
    type: 'failure',
    summary: `${workflow} failed: ${failure.Error ?? 'Error'}`,
  });
}
