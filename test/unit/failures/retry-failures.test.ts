import { describe, expect, it } from 'vitest';
import { retryFailure } from '../../../lib/core/failures/retry-failure.ts';
import { retryFailures } from '../../../lib/core/failures/retry-failures.ts';
import { retryExecutionName } from '../../../lib/core/failures/retry-name.ts';
import { selectFailures } from '../../../lib/core/failures/select-failures.ts';
import { FakeFailureStore, FakeStarter, failure } from './fakes.ts';

const first = failure('escalation-salesforce-500A-v1', 1000);
const other = failure('expedite-salesforce-801A-v2', 2000);

describe('retryFailure', () => {
  it('starts the workflow with the recorded input under the retry name, then marks the failure retried', async () => {
    const store = new FakeFailureStore(first);
    const workflows = new FakeStarter();
    const outcome = await retryFailure({ store, workflows }, first);
    expect(outcome).toEqual({ outcome: 'started', execution: retryExecutionName(first) });
    expect(workflows.executions.get(outcome.execution)).toMatchObject({
      workflow: 'escalation',
      input: first.retryInput,
    });
    expect(await store.listFailures('open')).toEqual([]);
  });

  it('starts one execution for two concurrent retries', async () => {
    const store = new FakeFailureStore(first);
    const workflows = new FakeStarter();
    const outcomes = await Promise.all([
      retryFailure({ store, workflows }, first),
      retryFailure({ store, workflows }, first),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already retried', 'started']);
    expect(workflows.executions.size).toBe(1);
  });

  it('after a crash between start and mark, only marks it: the execution exists and has finished', async () => {
    const store = new FakeFailureStore(first);
    const workflows = new FakeStarter();
    await workflows.start(first.workflow, retryExecutionName(first), first.retryInput); // then "crashed"
    workflows.finishAll();
    expect(await retryFailure({ store, workflows }, first)).toMatchObject({ outcome: 'already retried' });
    expect(workflows.executions.size).toBe(1);
    expect(await store.listFailures('open')).toEqual([]);
  });

  it('leaves the failure open when the start fails', async () => {
    const store = new FakeFailureStore(first);
    const workflows = new FakeStarter();
    workflows.failNext = Object.assign(new Error('no such state machine'), { name: 'StateMachineDoesNotExist' });
    await expect(retryFailure({ store, workflows }, first)).rejects.toThrow('no such state machine');
    expect(await store.listFailures('open')).toEqual([first]);
  });
});

describe('selectFailures', () => {
  const retried = failure('follow-up-salesforce-500B-c1', 500, 'retried');
  const again = failure(first.id, 3000); // the retry of `first` failed again

  it('selects every open failure, oldest first', () => {
    expect(selectFailures([other, retried, first], { allOpen: true })).toEqual([
      { id: first.id, entry: first },
      { id: other.id, entry: other },
    ]);
  });

  it('selects by id, each id once, saying which have nothing open', () => {
    expect(selectFailures([first, retried], { ids: [retried.id, 'nope', first.id, first.id] })).toEqual([
      { id: retried.id, outcome: 'already retried' },
      { id: 'nope', outcome: 'not found' },
      { id: first.id, entry: first },
    ]);
  });

  it('selects every open entry of an id, oldest first', () => {
    expect(selectFailures([again, first], { ids: [first.id] })).toEqual([
      { id: first.id, entry: first },
      { id: first.id, entry: again },
    ]);
  });
});

describe('retryFailures', () => {
  it('reports each asked-for id and goes on past one whose start fails', async () => {
    const store = new FakeFailureStore(first, other);
    const workflows = new FakeStarter();
    workflows.failNext = new Error('Access denied');
    const reports = await retryFailures({ store, workflows }, { ids: [first.id, other.id, 'nope'] });
    expect(reports).toEqual([
      { id: first.id, at: 1000, workflow: 'escalation', outcome: 'failed', reason: 'Access denied' },
      { id: other.id, at: 2000, workflow: 'escalation', outcome: 'started', execution: retryExecutionName(other) },
      { id: 'nope', outcome: 'not found' },
    ]);
    expect((await store.listFailures('open')).map((entry) => entry.id)).toEqual([first.id]);
  });

  it('says already retried, and starts nothing, the second time', async () => {
    const store = new FakeFailureStore(first);
    const workflows = new FakeStarter();
    await retryFailures({ store, workflows }, { allOpen: true });
    expect(await retryFailures({ store, workflows }, { ids: [first.id] })).toEqual([
      { id: first.id, outcome: 'already retried' },
    ]);
    expect(await retryFailures({ store, workflows }, { allOpen: true })).toEqual([]);
    expect(workflows.executions.size).toBe(1);
  });

  it('retries a failure recorded again under the same id as a new execution', async () => {
    const again = failure(first.id, 3000);
    const store = new FakeFailureStore({ ...first, state: 'retried' }, again);
    const workflows = new FakeStarter();
    expect(await retryFailures({ store, workflows }, { ids: [first.id] })).toEqual([
      { id: first.id, at: 3000, workflow: 'escalation', outcome: 'started', execution: retryExecutionName(again) },
    ]);
  });
});
