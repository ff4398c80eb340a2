import { describe, expect, it } from 'vitest';
import { rewriteTask } from '../../../../lib/local/runner/rewrite-task.ts';

const task = { Type: 'Task', Resource: '${ActFunctionArn}', TimeoutSeconds: 20, End: true };

describe('the Task rewrite', () => {
  it('moves Retry and TimeoutSeconds to the runner and keeps the rest', () => {
    const { state, spec } = rewriteTask('Act', {
      ...task,
      ResultPath: '$.act',
      Retry: [{ ErrorEquals: ['CrmThrottled'], IntervalSeconds: 5 }],
    });
    expect(state).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ActFunctionArn',
      TimeoutSeconds: 2147483,
      ResultPath: '$.act',
      End: true,
    });
    expect(spec).toMatchObject({ placeholder: 'ActFunctionArn', attemptTimeoutMs: 20_000, timeoutCatchable: false });
    expect(spec.retriers).toMatchObject([{ errorEquals: ['CrmThrottled'], intervalSeconds: 5, maxAttempts: 3 }]);
  });

  it('routes States.Timeout past a States.TaskFailed catcher to the catcher that really takes it', () => {
    const Catch = [
      { ErrorEquals: ['States.TaskFailed'], Next: 'Failed' },
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'TimedOut' },
    ];
    const { state, spec } = rewriteTask('Act', { ...task, Catch });
    expect(state.Catch).toEqual([
      { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' },
      ...Catch,
    ]);
    expect(spec.timeoutCatchable).toBe(true);
  });

  it('leaves catchers alone when they already route a timeout right', () => {
    const Catch = [
      { ErrorEquals: ['States.Timeout'], Next: 'TimedOut' },
      { ErrorEquals: ['States.TaskFailed'], Next: 'F' },
    ];
    expect(rewriteTask('Act', { ...task, Catch }).state.Catch).toEqual(Catch);
    const onlyTaskFailed = [{ ErrorEquals: ['States.TaskFailed'], Next: 'F' }];
    const rewritten = rewriteTask('Act', { ...task, Catch: onlyTaskFailed });
    expect(rewritten.state.Catch).toEqual(onlyTaskFailed);
    expect(rewritten.spec.timeoutCatchable).toBe(false);
  });

  it('refuses what it cannot run', () => {
    expect(() => rewriteTask('Act', { ...task, Resource: 'arn:aws:states:::lambda:invoke' })).toThrow(/placeholder/);
    const { TimeoutSeconds: _t, ...untimed } = task;
    expect(() => rewriteTask('Act', { ...untimed, TimeoutSecondsPath: '$.t' })).toThrow(/TimeoutSecondsPath/);
  });
});
