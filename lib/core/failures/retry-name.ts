import type { FailureEntry } from '../ports/store.ts';

/** Step Functions' limits on an execution name (StartExecution: 1–80 characters). */
const MAX_LENGTH = 80;
const SAFE = /^[A-Za-z0-9_-]+$/;

/**
 * The execution a retry starts, named after the failure it retries: its id and the moment it was
 * recorded. Two retries of one failure therefore start one execution (the name is taken), while a
 * later failure under the same id (the retry failed again) is a new name, so it can be retried too.
 * A name that would be too long or hold other characters is shortened with a hash of the whole.
 */
export function retryExecutionName(entry: Pick<FailureEntry, 'id' | 'at'>): string {
  const name = `${entry.id}-retry-${entry.at}`;
  if (name.length <= MAX_LENGTH && SAFE.test(name)) return name;
  const suffix = `-retry-${fnv1a64(name)}`;
  return `${entry.id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
}

/** FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines, no crypto module needed. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
