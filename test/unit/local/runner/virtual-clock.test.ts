import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../lib/local/clock/index.ts';

const START = Date.UTC(2026, 11, 1, 8);
const offsets = fc.array(fc.integer({ min: -5_000, max: 100_000 }), { minLength: 1, maxLength: 30 });

/** Sets a timer per offset; records [index, clock time at firing] as each fires. */
function armAll(clock: VirtualClock, relative: number[]) {
  const fired: [number, number][] = [];
  const sleeps = relative.map((offset, i) =>
    clock.sleepUntil(START + offset, `t${i}`).then(() => void fired.push([i, clock.now()])),
  );
  return { fired, sleeps };
}

describe('VirtualClock', () => {
  it('fires timers in (due, insertion) order, each exactly at its due time, never before', async () => {
    await fc.assert(
      fc.asyncProperty(offsets, async (relative) => {
        const clock = new VirtualClock(START);
        const { fired, sleeps } = armAll(clock, relative);
        const end = START + 200_000;
        await clock.runUntil(end);
        await Promise.all(sleeps);

        const due = relative.map((offset) => Math.max(START, START + offset));
        const expected = due.map((d, i) => [i, d] as [number, number]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
        expect(fired).toEqual(expected);
        expect(clock.now()).toBe(end);
        expect(clock.pendingTimers()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('never goes backwards, whatever mix of timers, runUntil and advanceTo drives it', async () => {
    const step = fc.oneof(
      fc.record({ sleep: fc.integer({ min: -1_000, max: 10_000 }) }),
      fc.record({ run: fc.integer({ min: -1_000, max: 10_000 }) }),
      fc.record({ advance: fc.integer({ min: -1_000, max: 10_000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const clock = new VirtualClock(START);
        const readings = [clock.now()];
        const observe = () => void readings.push(clock.now());
        for (const s of steps) {
          const target = clock.now() + ('sleep' in s ? s.sleep : 'run' in s ? s.run : s.advance);
          if ('sleep' in s) void clock.sleepUntil(target).then(observe);
          else if (target < clock.now()) {
            if ('run' in s) await expect(clock.runUntil(target)).rejects.toThrow(/backwards/);
            else expect(() => clock.advanceTo(target)).toThrow(/backwards/);
          } else if ('run' in s) await clock.runUntil(target);
          else clock.advanceTo(target);
          observe();
        }
        await clock.idle();
        for (let i = 1; i < readings.length; i++) expect(readings[i]).toBeGreaterThanOrEqual(readings[i - 1] ?? 0);
      }),
      { numRuns: 60 },
    );
  });

  it('does not advance while tracked work — and the work it spawns — is in flight', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60_000 }),
        async (chain, dueIn) => {
          const clock = new VirtualClock(START);
          const seenDuringWork: number[] = [];
          // Each link waits a few real event-loop turns, then tracks the next link before it settles.
          const link = (i: number): Promise<void> =>
            clock.track(
              (async () => {
                for (let t = 0; t < (chain[i] ?? 0) + 1; t++) await new Promise((r) => setImmediate(r));
                seenDuringWork.push(clock.now());
                if (i + 1 < chain.length) void link(i + 1);
              })(),
            );
          void link(0);
          let firedAfter = -1;
          const timer = clock.sleepUntil(START + dueIn, 'competitor').then(() => (firedAfter = seenDuringWork.length));
          await clock.runUntil(START + dueIn);
          await timer;
          expect(seenDuringWork).toEqual(chain.map(() => START));
          expect(firedAfter).toBe(chain.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('cancels a sleep through its AbortSignal: the timer is dropped and the promise rejects', async () => {
    const clock = new VirtualClock(START);
    const controller = new AbortController();
    const sleep = clock.sleepUntil(START + 1_000, 'cancelled', controller.signal);
    expect(clock.pendingTimers()).toEqual([{ due: START + 1_000, label: 'cancelled' }]);
    controller.abort(new Error('stop'));
    await expect(sleep).rejects.toThrow('stop');
    expect(clock.pendingTimers()).toEqual([]);
    await expect(clock.sleepUntil(START, 'late', controller.signal)).rejects.toThrow('stop');
  });

  it('throws, naming the timers, when timers keep re-arming at one instant', async () => {
    const clock = new VirtualClock(START, { maxFiringsPerInstant: 50 });
    const rearm = (): void => void clock.sleepUntil(clock.now(), 'poll-again').then(rearm);
    rearm();
    await expect(clock.runUntil(START + 1_000)).rejects.toThrow(/livelock.*more than 50 timers.*poll-again/);
  });

  it('refuses a second driver while runUntil is running', async () => {
    const clock = new VirtualClock(START);
    const { promise, resolve }: PromiseWithResolvers<void> = Promise.withResolvers();
    void clock.track(promise);
    const first = clock.runUntil(START + 10);
    await expect(clock.runUntil(START + 20)).rejects.toThrow(/already running/);
    resolve();
    await first;
    expect(clock.now()).toBe(START + 10);
  });
});
