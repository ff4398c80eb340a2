import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets (path tokens, signatures, API keys) are equal, in time that depends on neither.
 * timingSafeEqual needs equal lengths, and returning early on a length mismatch would tell an
 * attacker the secret's length: comparing fixed-size SHA-256 digests of both sides avoids both.
 */
export function sameSecret(given: string | Buffer, expected: string | Buffer): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

const digest = (value: string | Buffer): Buffer => createHash('sha256').update(value).digest();
