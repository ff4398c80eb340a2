/**
 * Retrying recorded failures through the whole local stack: a permanent CRM error ends the
 * escalation in a failure; once the CRM is healed, its retry completes the workflow, and however
 * often or concurrently it is retried, the case gets exactly one task.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retryFailure } from '../../../lib/core/failures/retry-failure.ts';
import { retryFailures } from '../../../lib/core/failures/retry-failures.ts';
import { retryExecutionName } from '../../../lib/core/failures/retry-name.ts';
import type { FailureEntry } from '../../../lib/core/ports/store.ts';
import { CASE, startFailingStack, type FailingStack } from './failing-stack.ts';

let failing: FailingStack;
let failure: FailureEntry;
beforeEach(async () => {
  failing = await startFailingStack();
  const failures = await failing.stack.store.listFailures();
  expect(failures).toHaveLength(1);
  failure = failures[0] as FailureEntry;
});
afterEach(async () => {
  await failing.stack.close();
});

const deps = () => ({ store: failing.stack.store, workflows: failing.stack.workflows });
const retries = () => failing.stack.workflows.executions().filter((run) => run.name.includes('-retry-'));

describe('a recorded failure', () => {
  it('is the escalation’s refused task, open, with the input to start again', () => {
    expect(failure).toMatchObject({
      id: `escalation-salesforce-${CASE}-v1`,
      workflow: 'escalation',
      step: 'act',
      error: 'CrmPermanentError',
      retryInput: { ref: { crm: 'salesforce', kind: 'case', id: CASE }, version: 1 },
      state: 'open',
    });
    expect(failure.cause).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(failing.tasks()).toBe(0);
  });
});

describe('retrying it once the CRM is healed', () => {
  beforeEach(() => failing.heal());

  it('completes the workflow, makes one task and marks the failure retried', async () => {
    expect(await retryFailure(deps(), failure)).toEqual({ outcome: 'started', execution: retryExecutionName(failure) });
    await failing.run(1);
    expect(failing.stack.workflows.execution(retryExecutionName(failure))?.status).toBe('succeeded');
    expect(failing.tasks()).toBe(1);
    expect(await failing.stack.store.listFailures()).toEqual([{ ...failure, state: 'retried' }]);
  });

  it('again says already retried and makes nothing more', async () => {
    await retryFailure(deps(), failure);
    await failing.run(1);
    expect(await retryFailure(deps(), failure)).toMatchObject({ outcome: 'already retried' });
    expect(await retryFailures(deps(), { ids: [failure.id] })).toEqual([
      { id: failure.id, outcome: 'already retried' },
    ]);
    expect(await retryFailures(deps(), { allOpen: true })).toEqual([]);
    await failing.run(24);
    expect(failing.tasks()).toBe(1);
    expect(retries()).toHaveLength(1);
  });

  it('twice at once starts one execution and makes one task', async () => {
    const outcomes = await Promise.all([retryFailure(deps(), failure), retryFailure(deps(), failure)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already retried', 'started']);
    await failing.run(24);
    expect(failing.tasks()).toBe(1);
    expect(retries()).toHaveLength(1);
    expect(await failing.stack.store.listFailures('open')).toEqual([]);
  });

  it('after a retry that crashed between start and mark, only marks it', async () => {
    await failing.stack.workflows.start(failure.workflow, retryExecutionName(failure), failure.retryInput);
    await failing.run(1); // the crashed retry's execution ran to the end; the failure is still open
    expect(await failing.stack.store.listFailures('open')).toEqual([failure]);
    expect(await retryFailures(deps(), { ids: [failure.id] })).toMatchObject([
      { id: failure.id, outcome: 'already retried', execution: retryExecutionName(failure) },
    ]);
    await failing.run(24);
    expect(failing.tasks()).toBe(1);
    expect(await failing.stack.store.listFailures('open')).toEqual([]);
  });
});

describe('a retry that fails again', () => {
  it('records a new open failure under the same id, which is retried as a new execution', async () => {
    expect(await retryFailure(deps(), failure)).toMatchObject({ outcome: 'started' });
    await failing.run(1);
    const [again] = await failing.stack.store.listFailures('open');
    expect(again).toMatchObject({ id: failure.id, state: 'open' });
    expect(again?.at).toBeGreaterThan(failure.at);

    failing.heal();
    const [report] = await retryFailures(deps(), { ids: [failure.id] });
    expect(report).toMatchObject({ outcome: 'started', at: again?.at });
    expect(report?.execution).not.toBe(retryExecutionName(failure));
    await failing.run(24);
    expect(failing.tasks()).toBe(1);
    expect((await failing.stack.store.listFailures()).map((entry) => entry.state)).toEqual(['retried', 'retried']);
  });
});
