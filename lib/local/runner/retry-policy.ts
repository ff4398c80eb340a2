/**
 * ASL Retry semantics, as pure functions, so the runner can sleep between attempts on crmflow's
 * clock instead of the engine's real-time setTimeout (https://states-language.net/#retrying-after-error).
 */
import { isObject } from './asl.ts';

export interface Retrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  readonly jitter: 'NONE' | 'FULL';
}

/** A Task's `Retry` field with the spec's defaults filled in (IntervalSeconds 1, MaxAttempts 3, BackoffRate 2). */
export function parseRetriers(retry: unknown): Retrier[] {
  if (retry === undefined) return [];
  if (!Array.isArray(retry)) throw new Error('Retry must be an array of retriers');
  return retry.map((r: unknown) => {
    if (!isObject(r) || !Array.isArray(r.ErrorEquals)) throw new Error('each retrier needs ErrorEquals');
    return {
      errorEquals: r.ErrorEquals.map(String),
      intervalSeconds: typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1,
      maxAttempts: typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3,
      backoffRate: typeof r.BackoffRate === 'number' ? r.BackoffRate : 2,
      maxDelaySeconds: typeof r.MaxDelaySeconds === 'number' ? r.MaxDelaySeconds : undefined,
      jitter: r.JitterStrategy === 'FULL' ? 'FULL' : 'NONE',
    };
  });
}

/** Does an ErrorEquals list match this error? States.TaskFailed matches anything but States.Timeout. */
export function errorMatches(errorEquals: readonly string[], errorName: string): boolean {
  return errorEquals.some(
    (e) => e === errorName || e === 'States.ALL' || (e === 'States.TaskFailed' && errorName !== 'States.Timeout'),
  );
}

export interface RetryDecision {
  readonly retrier: number;
  /** 1 for the first retry of that retrier. */
  readonly attempt: number;
  readonly delayMs: number;
}

/**
 * The first retrier whose ErrorEquals matches decides; if it is used up, the error is not retried
 * (later retriers are not consulted). `attempts` counts retries per retrier so far and is updated.
 */
export function decideRetry(
  retriers: readonly Retrier[],
  attempts: number[],
  error: { readonly name: string; readonly isRetryable?: unknown },
  random: () => number = Math.random,
): RetryDecision | undefined {
  if (error.isRetryable === false) return undefined;
  const index = retriers.findIndex((r) => errorMatches(r.errorEquals, error.name));
  const retrier = retriers[index];
  if (!retrier) return undefined;
  const done = attempts[index] ?? 0;
  if (done >= retrier.maxAttempts) return undefined;
  attempts[index] = done + 1;
  const interval = retrier.intervalSeconds * retrier.backoffRate ** done;
  const capped = retrier.maxDelaySeconds === undefined ? interval : Math.min(interval, retrier.maxDelaySeconds);
  const seconds = retrier.jitter === 'FULL' ? random() * capped : capped;
  return { retrier: index, attempt: done + 1, delayMs: Math.round(seconds * 1000) };
}
