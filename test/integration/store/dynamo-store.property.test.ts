import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { DynamoStore } from '../../../lib/aws/store/dynamo-store.ts';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { caseRef, freshStore, useLocalDynamo } from './store-fixture.ts';

const local = useLocalDynamo();
let store: DynamoStore;
beforeAll(async () => {
  store = await freshStore(local());
});

/** The router's loop: read, change, save on the version read; lost the race → read again. */
async function increment(ref: RecordRef, gate: (label: string) => Promise<unknown>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    await gate('read');
    const current = await store.getRecord<{ counter: number }>(ref);
    if (!current) throw new Error('the record should exist');
    await gate('save');
    if (await store.saveRecord(ref, { counter: current.data.counter + 1 }, current.version)) return attempt;
  }
}

let run = 0;

it('ends any interleaving of N concurrent increments at version N+1 and counter N', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.scheduler(), async (n, s) => {
      const ref = caseRef(`counter-${++run}`);
      await store.saveRecord(ref, { counter: 0 }, 0);
      // fast-check decides which worker may issue its next read or save: the interleavings it explores.
      const workers = Array.from({ length: n }, (_, w) =>
        increment(ref, (step) => s.schedule(Promise.resolve(), `w${w} ${step}`)),
      );
      const attempts = await s.waitFor(Promise.all(workers));

      expect(await store.getRecord(ref)).toEqual({ data: { counter: n }, version: n + 1 });
      // A lost race means someone else won: never more tries in all than 1 + 2 + … + n.
      expect(attempts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual((n * (n + 1)) / 2);
    }),
    { numRuns: 40 },
  );
});
