import { describe, expect, it } from 'vitest';
import { ScaledClock } from '../../../../lib/local/clock/index.ts';

const START = Date.UTC(2026, 11, 1, 8);

describe('ScaledClock', () => {
  it('reads start + real elapsed × speed', () => {
    let real = 1_000;
    const clock = new ScaledClock(START, { speed: 60, realNow: () => real });
    expect(clock.now()).toBe(START);
    real += 1_000;
    expect(clock.now()).toBe(START + 60_000);
  });

  it('wakes a sleeper no earlier than its due time', async () => {
    const clock = new ScaledClock(START, { speed: 10_000 });
    const due = START + 20_000; // ≈ 2 ms real
    await clock.sleepUntil(due, 'soon');
    expect(clock.now()).toBeGreaterThanOrEqual(due);
  });

  it('cancels through the AbortSignal', async () => {
    const clock = new ScaledClock(START);
    const controller = new AbortController();
    const sleep = clock.sleepUntil(START + 86_400_000, 'tomorrow', controller.signal);
    controller.abort(new Error('stopped'));
    await expect(sleep).rejects.toThrow('stopped');
  });

  it('counts tracked work and reports idle once it settles', async () => {
    const clock = new ScaledClock(START);
    const { promise, resolve } = Promise.withResolvers<string>();
    const tracked = clock.track(promise);
    expect(clock.inFlight()).toBe(1);
    resolve('done');
    expect(await tracked).toBe('done');
    await clock.idle();
    expect(clock.inFlight()).toBe(0);
  });

  it('rejects a speed that is not a positive number', () => {
    expect(() => new ScaledClock(START, { speed: 0 })).toThrow(/positive/);
  });
});
