import { describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES, batches } from '../../../lib/aws/sqs-queue.ts';

describe('batches', () => {
  it('cuts into tens, in order', () => {
    const bodies = Array.from({ length: 21 }, (_, n) => String(n));
    expect(batches(bodies)).toEqual([bodies.slice(0, 10), bodies.slice(10, 20), bodies.slice(20)]);
    expect(batches([])).toEqual([]);
  });

  it('keeps each batch within MAX_BATCH_BYTES, a larger body going alone', () => {
    const quarter = 'x'.repeat(MAX_BATCH_BYTES / 4);
    const huge = 'y'.repeat(MAX_BATCH_BYTES + 1);
    const sizes = batches([quarter, quarter, quarter, quarter, 'a', huge, 'b']).map((batch) => batch.length);
    expect(sizes).toEqual([4, 1, 1, 1]);
  });
});
