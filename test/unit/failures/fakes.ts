/**
 * Tiny in-memory stand-ins for the two ports the retry core uses, with the semantics the real
 * adapters have (test/integration covers those): the mark takes the open entry of an id at a time (or the
 * oldest), once; a start of a taken name is 'already' while running with the same input, else
 * ExecutionAlreadyExists.
 */
import type { FailureEntry } from '../../../lib/core/ports/store.ts';
import type { WorkflowStarter } from '../../../lib/core/ports/workflows.ts';

export class FakeFailureStore {
  entries: FailureEntry[] = [];

  constructor(...entries: FailureEntry[]) {
    this.entries = entries;
  }

  async listFailures(state?: FailureEntry['state']): Promise<FailureEntry[]> {
    await Promise.resolve();
    return this.entries.filter((entry) => state === undefined || entry.state === state).sort((a, b) => a.at - b.at);
  }

  async markFailureRetried(id: string, at?: number): Promise<boolean> {
    await Promise.resolve();
    // Find and replace in one synchronous step: the conditional write of the real store.
    const [open] = this.entries
      .filter((entry) => entry.id === id && entry.state === 'open' && (at === undefined || entry.at === at))
      .sort((a, b) => a.at - b.at);
    if (!open) return false;
    this.entries = this.entries.map((entry) => (entry === open ? { ...entry, state: 'retried' } : entry));
    return true;
  }
}

export class FakeStarter implements WorkflowStarter {
  readonly executions = new Map<string, { workflow: string; input: unknown; running: boolean }>();
  /** Makes the next start throw this instead. */
  failNext: Error | undefined;

  async start(workflow: string, name: string, input: Readonly<Record<string, unknown>>) {
    await Promise.resolve();
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    const existing = this.executions.get(name);
    if (existing?.running && JSON.stringify(existing.input) === JSON.stringify(input)) return 'already' as const;
    if (existing) throw Object.assign(new Error(`execution ${name} exists`), { name: 'ExecutionAlreadyExists' });
    this.executions.set(name, { workflow, input, running: true });
    return 'started' as const;
  }

  finishAll(): void {
    for (const execution of this.executions.values()) execution.running = false;
  }
}

export const failure = (id: string, at: number, state: FailureEntry['state'] = 'open'): FailureEntry => ({
  id,
  at,
  workflow: 'escalation',
  ref: { crm: 'salesforce', kind: 'case', id: '500000000000001AAA' },
  step: 'act',
  error: 'CrmPermanentError',
  cause: 'Salesforce answered 400 FIELD_CUSTOM_VALIDATION_EXCEPTION',
  retryInput: { ref: { crm: 'salesforce', kind: 'case', id: '500000000000001AAA' }, version: 1 },
  state,
});
