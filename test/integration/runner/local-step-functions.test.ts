import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fromIso, toIso } from '../../../lib/core/time/instant.ts';
import { VirtualClock } from '../../../lib/local/clock/index.ts';
import type { TaskHandler } from '../../../lib/local/runner/index.ts';
import { LocalStepFunctions } from '../../../lib/local/runner/index.ts';

const START = fromIso('2026-12-01T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The shape of every crmflow workflow (DESIGN §1): Plan → Choice → Wait(TimestampPath) → Plan. */
const planLoop = {
  StartAt: 'Plan',
  States: {
    Plan: { Type: 'Task', Resource: '${PlanFunctionArn}', TimeoutSeconds: 30, Next: 'Decide' },
    Decide: {
      Type: 'Choice',
      Choices: [{ Variable: '$.action', StringEquals: 'wait', Next: 'Sleep' }],
      Default: 'Done',
    },
    Sleep: { Type: 'Wait', TimestampPath: '$.until', Next: 'Plan' },
    Done: { Type: 'Succeed' },
  },
};

/** A stand-in planner: waits until each instant of `schedule` in turn, then is done. */
function planner(clock: VirtualClock, schedule: number[], seen: number[]): TaskHandler {
  return async (input) => {
    seen.push(clock.now());
    const step = (input as { step?: number }).step ?? 0;
    const until = schedule[step];
    return until === undefined ? { action: 'done' } : { action: 'wait', until: toIso(until), step: step + 1 };
  };
}

let runner: LocalStepFunctions | undefined;
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

function setUp() {
  const clock = new VirtualClock(START);
  runner = new LocalStepFunctions(clock);
  return { clock, runner };
}

describe('LocalStepFunctions on a virtual clock', () => {
  it('runs Plan → Choice → Wait(TimestampPath) loops, each Plan at exactly its timestamp', async () => {
    const { clock, runner } = setUp();
    const schedule = [START + 2 * HOUR, START + 26 * HOUR + 1234, START + 3 * DAY];
    const seen: number[] = [];
    runner.register('escalation', planLoop, { PlanFunctionArn: planner(clock, schedule, seen) });

    expect(await runner.start('escalation', 'escalation-sf-500-v1', { recordId: '500' })).toBe('started');
    await clock.runUntil(START + 10 * DAY);

    expect(seen).toEqual([START, ...schedule]);
    const record = runner.execution('escalation-sf-500-v1');
    expect(record).toMatchObject({
      workflow: 'escalation',
      status: 'succeeded',
      input: { recordId: '500' },
      output: { action: 'done' },
      startedAt: START,
      stoppedAt: START + 3 * DAY,
    });
    // 4 × Plan, 4 × Decide, 3 × Sleep, Done.
    expect(record?.stateTransitions).toBe(12);
    // Rewritten Waits keep their name and type in the log, their schedule right after they are entered.
    const sleeps = record?.events.filter((e) => e.state === 'Sleep') ?? [];
    expect(sleeps.map((e) => [e.type, e.stateType, e.at, e.until])).toEqual([
      ['StateEntered', 'Wait', START, undefined],
      ['WaitScheduled', 'Wait', START, schedule[0]],
      ['StateExited', 'Wait', schedule[0], undefined],
      ['StateEntered', 'Wait', schedule[0], undefined],
      ['WaitScheduled', 'Wait', schedule[0], schedule[1]],
      ['StateExited', 'Wait', schedule[1], undefined],
      ['StateEntered', 'Wait', schedule[1], undefined],
      ['WaitScheduled', 'Wait', schedule[1], schedule[2]],
      ['StateExited', 'Wait', schedule[2], undefined],
    ]);
    expect(clock.now()).toBe(START + 10 * DAY);
  });

  it('runs a 30-day wait through at once in real time', async () => {
    const { clock, runner } = setUp();
    const definition = {
      StartAt: 'Sleep',
      States: {
        Sleep: { Type: 'Wait', Seconds: 30 * 86_400, Next: 'Plan' },
        Plan: { Type: 'Task', Resource: '${PlanFunctionArn}', TimeoutSeconds: 30, End: true },
      },
    };
    const seen: number[] = [];
    runner.register('follow-up', definition, { PlanFunctionArn: planner(clock, [], seen) });
    await runner.start('follow-up', 'f-1', {});
    await clock.runUntil(START + 31 * DAY);
    expect(seen).toEqual([START + 30 * DAY]);
    expect(runner.execution('f-1')?.status).toBe('succeeded');
  });

  it('retries a named error with IntervalSeconds and BackoffRate on the clock, then succeeds', async () => {
    const { clock, runner } = setUp();
    const attempts: number[] = [];
    const act: TaskHandler = async () => {
      attempts.push(clock.now());
      if (attempts.length < 3) throw Object.assign(new Error('429 from the CRM'), { name: 'CrmThrottled' });
      return { ok: true };
    };
    const definition = {
      StartAt: 'Act',
      States: {
        Act: {
          Type: 'Task',
          Resource: '${ActFunctionArn}',
          TimeoutSeconds: 30,
          Retry: [
            { ErrorEquals: ['CrmRejected'], MaxAttempts: 0 },
            { ErrorEquals: ['CrmThrottled'], IntervalSeconds: 10, BackoffRate: 3, MaxAttempts: 5 },
          ],
          End: true,
        },
      },
    };
    runner.register('act', definition, { ActFunctionArn: act });
    await runner.start('act', 'act-1', {});
    await clock.runUntil(START + HOUR);

    expect(attempts).toEqual([START, START + 10_000, START + 40_000]);
    const record = runner.execution('act-1');
    expect(record).toMatchObject({ status: 'succeeded', output: { ok: true }, stoppedAt: START + 40_000 });
    expect(record?.events.map((e) => [e.type, e.at, e.error, e.attempt, e.until])).toEqual([
      ['ExecutionStarted', START, undefined, undefined, undefined],
      ['StateEntered', START, undefined, undefined, undefined],
      ['StateRetried', START, 'CrmThrottled', 1, START + 10_000],
      ['StateRetried', START + 10_000, 'CrmThrottled', 2, START + 40_000],
      ['StateExited', START + 40_000, undefined, undefined, undefined],
      ['ExecutionSucceeded', START + 40_000, undefined, undefined, undefined],
    ]);
  });

  it('catches an exhausted error into a failure path and records the failure', async () => {
    const { clock, runner } = setUp();
    const reported: unknown[] = [];
    const definition = {
      StartAt: 'Act',
      States: {
        Act: {
          Type: 'Task',
          Resource: '${ActFunctionArn}',
          TimeoutSeconds: 30,
          Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 5, MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Report' }],
          End: true,
        },
        Report: { Type: 'Task', Resource: '${ReportFunctionArn}', TimeoutSeconds: 30, Next: 'GaveUp' },
        GaveUp: { Type: 'Fail', Error: 'ActionFailed', Cause: 'the CRM refused the task' },
      },
    };
    runner.register('act', definition, {
      ActFunctionArn: async () => {
        throw Object.assign(new Error('INVALID_FIELD: Subject'), { name: 'CrmRejected' });
      },
      ReportFunctionArn: async (input) => {
        reported.push({ input, at: clock.now() });
        return input;
      },
    });
    await runner.start('act', 'act-2', { recordId: '7' });
    await clock.runUntil(START + HOUR);

    expect(reported).toEqual([
      {
        input: { recordId: '7', failure: { Error: 'CrmRejected', Cause: 'INVALID_FIELD: Subject' } },
        at: START + 5_000,
      },
    ]);
    expect(runner.execution('act-2')).toMatchObject({
      status: 'failed',
      error: 'ActionFailed',
      cause: 'the CRM refused the task',
      stoppedAt: START + 5_000,
    });
  });

  it('times out a hung handler attempt in real time: not retried as States.TaskFailed, caught as States.Timeout', async () => {
    const { clock, runner } = setUp();
    let calls = 0;
    const definition = {
      StartAt: 'Act',
      States: {
        Act: {
          Type: 'Task',
          Resource: '${ActFunctionArn}',
          TimeoutSeconds: 1,
          Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 3 }],
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Failed' },
            { ErrorEquals: ['States.Timeout'], Next: 'TimedOut' },
          ],
          End: true,
        },
        Failed: { Type: 'Fail', Error: 'Failed' },
        TimedOut: { Type: 'Fail', Error: 'TimedOut' },
      },
    };
    runner.register('hang', definition, {
      ActFunctionArn: () => {
        calls++;
        return new Promise(() => {}); // never settles
      },
    });
    await runner.start('hang', 'h-1', {});
    await clock.runUntil(START + HOUR);
    expect(calls).toBe(1);
    expect(runner.execution('h-1')).toMatchObject({ status: 'failed', error: 'TimedOut', stoppedAt: START });
  });

  it('records an uncaught handler error as a failed execution', async () => {
    const { clock, runner } = setUp();
    runner.register('plan', planLoop, {
      PlanFunctionArn: async () => {
        throw new TypeError('record.owner is undefined');
      },
    });
    await runner.start('plan', 'p-1', {});
    await clock.runUntil(START + HOUR);
    expect(runner.execution('p-1')).toMatchObject({
      status: 'failed',
      error: 'TypeError',
      cause: 'record.owner is undefined',
      stoppedAt: START,
    });
  });

  it("with history 'unsucceeded', keeps a succeeded execution's record and count but not its events", async () => {
    const clock = new VirtualClock(START);
    runner = new LocalStepFunctions(clock, { history: 'unsucceeded' });
    let fail = false;
    runner.register('plan', planLoop, {
      PlanFunctionArn: async () => {
        if (fail) throw new TypeError('broken');
        return { action: 'done' };
      },
    });
    await runner.start('plan', 'ok', {});
    await clock.runUntil(START + HOUR);
    fail = true;
    await runner.start('plan', 'broken', {});
    await clock.runUntil(START + 2 * HOUR);
    expect(runner.execution('ok')).toMatchObject({ status: 'succeeded', stateTransitions: 3, events: [] });
    const broken = runner.execution('broken');
    expect(broken?.status).toBe('failed');
    expect(broken?.events.map((event) => event.type)).toContain('ExecutionFailed');
  });

  it('treats a duplicate start as already started, and a conflicting one as ExecutionAlreadyExists', async () => {
    const { clock, runner } = setUp();
    runner.register('plan', planLoop, { PlanFunctionArn: planner(clock, [START + DAY], []) });
    expect(await runner.start('plan', 'plan-sf-1-v1', { recordId: '1', planVersion: 1 })).toBe('started');
    expect(await runner.start('plan', 'plan-sf-1-v1', { planVersion: 1, recordId: '1' })).toBe('already');
    await expect(runner.start('plan', 'plan-sf-1-v1', { recordId: '1', planVersion: 2 })).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
    });
    expect(runner.executions()).toHaveLength(1);

    // As in AWS: once closed, the name cannot be started again, whatever the input.
    await clock.runUntil(START + 2 * DAY);
    expect(runner.execution('plan-sf-1-v1')?.status).toBe('succeeded');
    await expect(runner.start('plan', 'plan-sf-1-v1', { recordId: '1', planVersion: 1 })).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
    });
    await expect(runner.start('nope', 'x', {})).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });

  it('takes input as JSON and names as Step Functions does', async () => {
    const { clock, runner } = setUp();
    runner.register('plan', planLoop, { PlanFunctionArn: planner(clock, [START + DAY], []) });
    await runner.start('plan', 'plan-hs-2-v1', { recordId: '2', note: undefined });
    expect(runner.execution('plan-hs-2-v1')?.input).toEqual({ recordId: '2' });
    expect(await runner.start('plan', 'plan-hs-2-v1', { recordId: '2' })).toBe('already');
    for (const bad of ['', 'a'.repeat(81), 'has space', 'plan:1', 'a/b', 'x{1}']) {
      await expect(runner.start('plan', bad, {})).rejects.toMatchObject({ name: 'InvalidName' });
    }
  });

  it('interleaves two executions on one clock in time order', async () => {
    const { clock, runner } = setUp();
    const log: [string, number][] = [];
    const schedules: Record<string, number[]> = {
      a: [START + 1 * HOUR, START + 3 * HOUR],
      b: [START + 2 * HOUR, START + 3 * HOUR, START + 4 * HOUR],
    };
    runner.register('plan', planLoop, {
      PlanFunctionArn: async (input) => {
        const { who, step = 0 } = input as { who: string; step?: number };
        log.push([who, clock.now()]);
        const until = schedules[who]?.[step];
        return until === undefined ? { action: 'done' } : { action: 'wait', until: toIso(until), step: step + 1, who };
      },
    });
    await runner.start('plan', 'a', { who: 'a' });
    await runner.start('plan', 'b', { who: 'b' });
    await clock.runUntil(START + DAY);

    expect(log).toEqual([
      ['a', START],
      ['b', START],
      ['a', START + 1 * HOUR],
      ['b', START + 2 * HOUR],
      ['a', START + 3 * HOUR], // same instant: the timer set first fires first
      ['b', START + 3 * HOUR],
      ['b', START + 4 * HOUR],
    ]);
    expect(runner.executions().map((e) => [e.name, e.status, e.stoppedAt])).toEqual([
      ['a', 'succeeded', START + 3 * HOUR],
      ['b', 'succeeded', START + 4 * HOUR],
    ]);
  });

  it('does not advance the clock while a handler awaits real I/O', async () => {
    const { clock, runner } = setUp();
    const log: [string, number][] = [];
    // A slow local HTTP endpoint: the answer comes on a later event-loop turn than any idle check.
    const server = createServer((_req, res) => setTimeout(() => res.end('{"owner":"005A"}'), 25));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const definition = {
        StartAt: 'Enrich',
        States: {
          Enrich: { Type: 'Task', Resource: '${EnrichFunctionArn}', TimeoutSeconds: 30, Next: 'Pause' },
          Pause: { Type: 'Wait', Seconds: 60, End: true },
        },
      };
      runner.register('enrich', definition, {
        EnrichFunctionArn: async () => {
          log.push(['request', clock.now()]);
          const body = (await (await fetch(url)).json()) as unknown;
          log.push(['response', clock.now()]);
          return body;
        },
      });
      const competitor = clock.sleepUntil(START + 1_000, 'competitor').then(() => log.push(['timer', clock.now()]));
      await runner.start('enrich', 'e-1', {});
      await clock.runUntil(START + HOUR);
      await competitor;

      expect(log).toEqual([
        ['request', START],
        ['response', START],
        ['timer', START + 1_000],
      ]);
      expect(runner.execution('e-1')).toMatchObject({
        status: 'succeeded',
        output: { owner: '005A' },
        stoppedAt: START + 60_000,
      });
    } finally {
      server.close();
    }
  });

  it('counts nested Parallel states and waits inside branches', async () => {
    const { clock, runner } = setUp();
    const seen: number[] = [];
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'ShortWait',
              States: {
                ShortWait: { Type: 'Wait', Seconds: 60, Next: 'First' },
                First: { Type: 'Task', Resource: '${PlanFunctionArn}', TimeoutSeconds: 30, End: true },
              },
            },
            { StartAt: 'LongWait', States: { LongWait: { Type: 'Wait', Seconds: 120, End: true } } },
          ],
          End: true,
        },
      },
    };
    runner.register('parallel', definition, {
      PlanFunctionArn: async () => {
        seen.push(clock.now());
        return 'first';
      },
    });
    await runner.start('parallel', 'par-1', { x: 1 });
    await clock.runUntil(START + HOUR);
    expect(seen).toEqual([START + 60_000]);
    expect(runner.execution('par-1')).toMatchObject({
      status: 'succeeded',
      output: ['first', { x: 1 }],
      stateTransitions: 4,
      stoppedAt: START + 120_000,
    });
  });

  it('runs Map iterations that wait concurrently, each on the clock', async () => {
    const { clock, runner } = setUp();
    const seen: [unknown, number][] = [];
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            StartAt: 'Hold',
            States: {
              Hold: { Type: 'Wait', SecondsPath: '$.s', Next: 'Touch' },
              Touch: { Type: 'Task', Resource: '${PlanFunctionArn}', TimeoutSeconds: 30, End: true },
            },
          },
          End: true,
        },
      },
    };
    runner.register('map', definition, {
      PlanFunctionArn: async (item) => {
        seen.push([item, clock.now()]);
        return (item as { s: number }).s * 10;
      },
    });
    await runner.start('map', 'm-1', { items: [{ s: 3 }, { s: 1 }, { s: 2 }] });
    await clock.runUntil(START + HOUR);
    expect(seen).toEqual([
      [{ s: 1 }, START + 1_000],
      [{ s: 2 }, START + 2_000],
      [{ s: 3 }, START + 3_000],
    ]);
    const record = runner.execution('m-1');
    expect(record).toMatchObject({ status: 'succeeded', output: [30, 10, 20], stateTransitions: 7 });
    // Each scheduled wait is logged after its Hold was entered, never before.
    let entered = 0;
    let scheduled = 0;
    for (const event of record?.events.filter((e) => e.state === 'Hold') ?? []) {
      if (event.type === 'StateEntered') entered++;
      if (event.type === 'WaitScheduled') expect(++scheduled).toBeLessThanOrEqual(entered);
    }
    expect(scheduled).toBe(3);
  });

  it('fails an execution past its TimeoutSeconds at that clock time', async () => {
    const { clock, runner } = setUp();
    const definition = {
      TimeoutSeconds: 3600,
      StartAt: 'Sleep',
      States: { Sleep: { Type: 'Wait', Seconds: 7200, End: true } },
    };
    runner.register('slow', definition, {});
    await runner.start('slow', 's-1', {});
    await clock.runUntil(START + DAY);
    expect(runner.execution('s-1')).toMatchObject({
      status: 'failed',
      error: 'States.Timeout',
      stoppedAt: START + HOUR,
    });
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('stop() aborts running executions and cancels their sleeps', async () => {
    const { clock, runner } = setUp();
    runner.register('plan', planLoop, { PlanFunctionArn: planner(clock, [START + 30 * DAY], []) });
    await runner.start('plan', 'p-long', {});
    await clock.runUntil(START + HOUR);
    expect(clock.pendingTimers()).toEqual([{ due: START + 30 * DAY, label: 'p-long: Sleep' }]);

    await runner.stop();
    expect(runner.execution('p-long')).toMatchObject({ status: 'aborted', stoppedAt: START + HOUR });
    expect(clock.pendingTimers()).toEqual([]);
    await expect(runner.start('plan', 'p-2', {})).rejects.toThrow(/stopped/);
  });

  it('rejects at register time what it cannot run', () => {
    const { runner } = setUp();
    expect(() => runner.register('x', planLoop, {})).toThrow(/no handler for PlanFunctionArn/);
    const direct = {
      StartAt: 'A',
      States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
    };
    expect(() => runner.register('y', direct, {})).toThrow(/placeholder/);
    const broken = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } };
    expect(() => runner.register('z', broken, {})).toThrow(/MISSING_TRANSITION_TARGET/);
  });
});
