import { deferred } from './deferred.ts';

/**
 * The cancellation plumbing both clocks share: `arm(fire)` schedules the wake-up and returns how to
 * disarm it. Aborting disarms and rejects with the signal's reason (as `timers/promises` does), so
 * code after an await never runs as if the time had come.
 */
export function cancellableSleep(
  signal: AbortSignal | undefined,
  arm: (fire: () => void) => () => void,
): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const { promise, resolve, reject } = deferred();
  const onAbort = (): void => {
    disarm();
    reject(signal?.reason);
  };
  const disarm = arm(() => {
    signal?.removeEventListener('abort', onAbort);
    resolve();
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  return promise;
}
