import { randomBytes } from 'node:crypto';

/**
 * A per-process counter keeps same-millisecond entries of one writer in call order; the random part
 * keeps two writers (two Lambdas) that reach the same counter value from overwriting each other.
 * Fixed width so the sort key orders lexicographically.
 */
let sequence = 0;

export function auditSuffix(): string {
  sequence = (sequence + 1) % 0x1_0000_0000;
  return `${sequence.toString(16).padStart(8, '0')}#${randomBytes(4).toString('hex')}`;
}
