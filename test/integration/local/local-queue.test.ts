import { describe, expect, it } from 'vitest';
import type { CrmEvent } from '../../../lib/core/model/crm-event.ts';
import { VirtualClock } from '../../../lib/local/clock/index.ts';
import { LocalQueue } from '../../../lib/local/queue/local-queue.ts';

const event = (id: string): CrmEvent => ({
  id,
  crm: 'salesforce',
  kind: 'case',
  recordId: '500X',
  change: 'updated',
  occurredAt: 0,
  receivedAt: 0,
  fields: {},
  complete: true,
});

describe('the local queue', () => {
  it('retries a failing delivery with backoff on the clock, then keeps it as a dead letter', async () => {
    const clock = new VirtualClock(0);
    const attempts: number[] = [];
    const queue = new LocalQueue({
      clock,
      maxAttempts: 3,
      retryDelayMs: 1000,
      deliver: async () => {
        attempts.push(clock.now());
        throw new Error('router down');
      },
    });
    await queue.enqueue([event('a')]);
    await clock.runUntil(60_000);
    expect(attempts).toEqual([0, 1000, 3000]);
    expect(queue.deadLetters).toEqual([{ event: event('a'), error: 'router down', attempts: 3 }]);
  });

  it('delivers each event once when the router succeeds, and refuses new ones once closed', async () => {
    const clock = new VirtualClock(0);
    const delivered: string[] = [];
    const queue = new LocalQueue({ clock, deliver: async (e) => delivered.push(e.id) });
    await queue.enqueue([event('a'), event('b')]);
    await clock.runUntil(1000);
    expect(delivered.sort()).toEqual(['a', 'b']);
    queue.close();
    await expect(queue.enqueue([event('c')])).rejects.toThrow('closed');
  });
});
