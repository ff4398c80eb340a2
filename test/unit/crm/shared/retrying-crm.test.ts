import { describe, expect, it } from 'vitest';
import { CrmError, type CrmPort } from '../../../../lib/core/ports/crm.ts';
import { withCrmRetries } from '../../../../lib/crm/shared/retrying-crm.ts';

/** A CRM whose owner() fails `failures` times with `error`, then answers. */
function flaky(failures: number, error: Error) {
  const calls = { owner: 0 };
  const port = {
    crm: 'salesforce',
    owner: async (id: string) => {
      calls.owner++;
      if (calls.owner <= failures) throw error;
      return { id, kind: 'user' as const, name: 'Aino' };
    },
  } as unknown as CrmPort;
  return { port, calls };
}

describe('our retry policy for CRM calls', () => {
  it('retries a retryable error with doubling back-off, then answers', async () => {
    const waits: number[] = [];
    const { port, calls } = flaky(3, new CrmError('SERVER_UNAVAILABLE', 'down', true));
    const retried = withCrmRetries(port, { baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(await retried.owner('005X')).toMatchObject({ name: 'Aino' });
    expect(calls.owner).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('gives up after its attempts, passing the last error on for the workflow to retry', async () => {
    const { port, calls } = flaky(9, new CrmError('REQUEST_LIMIT_EXCEEDED', 'slow down', true));
    const retried = withCrmRetries(port, { attempts: 3, sleep: async () => undefined });
    await expect(retried.owner('005X')).rejects.toMatchObject({ code: 'REQUEST_LIMIT_EXCEEDED', retryable: true });
    expect(calls.owner).toBe(3);
  });

  it('never retries a permanent error or anything that is not a CrmError', async () => {
    for (const error of [new CrmError('NOT_FOUND', 'gone', false), new TypeError('bug')]) {
      const { port, calls } = flaky(1, error);
      await expect(withCrmRetries(port, { sleep: async () => undefined }).owner('005X')).rejects.toBe(error);
      expect(calls.owner).toBe(1);
    }
  });
});
