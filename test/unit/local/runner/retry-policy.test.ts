import { describe, expect, it } from 'vitest';
import { decideRetry, errorMatches, parseRetriers } from '../../../../lib/local/runner/retry-policy.ts';

const named = (name: string, extra: object = {}) => ({ name, ...extra });

describe('ASL Retry semantics', () => {
  it('fills in the spec defaults: IntervalSeconds 1, MaxAttempts 3, BackoffRate 2', () => {
    const [r] = parseRetriers([{ ErrorEquals: ['States.ALL'] }]);
    expect(r).toEqual({
      errorEquals: ['States.ALL'],
      intervalSeconds: 1,
      maxAttempts: 3,
      backoffRate: 2,
      maxDelaySeconds: undefined,
      jitter: 'NONE',
    });
  });

  it('matches by name, States.ALL, and States.TaskFailed for anything but States.Timeout', () => {
    expect(errorMatches(['CrmThrottled'], 'CrmThrottled')).toBe(true);
    expect(errorMatches(['CrmThrottled'], 'Error')).toBe(false);
    expect(errorMatches(['States.ALL'], 'States.Timeout')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'TypeError')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'States.Timeout')).toBe(false);
  });

  it('backs off by BackoffRate, capped by MaxDelaySeconds, until MaxAttempts', () => {
    const retriers = parseRetriers([
      { ErrorEquals: ['CrmThrottled'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 4, MaxDelaySeconds: 30 },
    ]);
    const attempts: number[] = [];
    const delays = Array.from({ length: 5 }, () => decideRetry(retriers, attempts, named('CrmThrottled'))?.delayMs);
    expect(delays).toEqual([2_000, 6_000, 18_000, 30_000, undefined]);
  });

  it('lets the first matching retrier decide, even when it is used up', () => {
    const retriers = parseRetriers([
      { ErrorEquals: ['CrmRejected'], MaxAttempts: 0 },
      { ErrorEquals: ['States.ALL'], MaxAttempts: 5 },
    ]);
    expect(decideRetry(retriers, [], named('CrmRejected'))).toBeUndefined();
    expect(decideRetry(retriers, [], named('Other'))).toEqual({ retrier: 1, attempt: 1, delayMs: 1_000 });
  });

  it('counts attempts per retrier', () => {
    const retriers = parseRetriers([
      { ErrorEquals: ['A'], MaxAttempts: 1, IntervalSeconds: 1 },
      { ErrorEquals: ['B'], MaxAttempts: 2, IntervalSeconds: 10 },
    ]);
    const attempts: number[] = [];
    expect(decideRetry(retriers, attempts, named('A'))?.attempt).toBe(1);
    expect(decideRetry(retriers, attempts, named('B'))).toEqual({ retrier: 1, attempt: 1, delayMs: 10_000 });
    expect(decideRetry(retriers, attempts, named('A'))).toBeUndefined();
    expect(decideRetry(retriers, attempts, named('B'))).toEqual({ retrier: 1, attempt: 2, delayMs: 20_000 });
  });

  it('never retries an error marked isRetryable: false (States.Runtime)', () => {
    const retriers = parseRetriers([{ ErrorEquals: ['States.ALL'] }]);
    expect(decideRetry(retriers, [], named('States.Runtime', { isRetryable: false }))).toBeUndefined();
  });

  it('draws FULL jitter between 0 and the interval', () => {
    const retriers = parseRetriers([{ ErrorEquals: ['States.ALL'], IntervalSeconds: 8, JitterStrategy: 'FULL' }]);
    expect(decideRetry(retriers, [], named('X'), () => 0.25)?.delayMs).toBe(2_000);
  });
});
