/**
 * Secrets are compared with crypto.timingSafeEqual on equal-length digests, whatever was sent. The
 * spy wraps Node's own function (not ours) to see what it was given.
 */
import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isConfiguredOrganization, pathTokenMatches } from '../../../lib/crm/salesforce/outbound-message/index.ts';
import { signatureFor, verifySignature } from '../../../lib/crm/signed-json/index.ts';
import { HMAC_SECRET, NOW, NOW_SECONDS, PATH_TOKEN } from './support/edge-harness.ts';
import { ORG_ID } from './support/salesforce-messages.ts';

vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const compared = () => vi.mocked(crypto.timingSafeEqual).mock.calls.map(([a, b]) => [a.byteLength, b.byteLength]);

beforeEach(() => {
  vi.mocked(crypto.timingSafeEqual).mockClear();
});

describe('constant-time comparison', () => {
  const rawBody = Buffer.from('{"events":[]}');
  const timestamp = String(NOW_SECONDS);
  const good = signatureFor(HMAC_SECRET, timestamp, rawBody);

  it.each([
    ['the right signature', good],
    ['a short one', 'sha256=ab'],
    ['a long one', `${good}${'0'.repeat(200)}`],
    ['a wrong one of the right length', good.replace(/.$/, (c) => (c === '0' ? '1' : '0'))],
  ])('checks %s with one timingSafeEqual over two 32-byte digests', (_what, signature) => {
    const headers = { 'x-crmflow-timestamp': timestamp, 'x-crmflow-signature': signature };
    verifySignature({ headers, rawBody }, HMAC_SECRET, NOW);
    expect(compared()).toEqual([[32, 32]]);
  });

  it('checks path tokens and organization ids the same way, whatever their length', () => {
    expect(pathTokenMatches(PATH_TOKEN, PATH_TOKEN)).toBe(true);
    expect(pathTokenMatches('x', PATH_TOKEN)).toBe(false);
    expect(pathTokenMatches(`${PATH_TOKEN}x`, PATH_TOKEN)).toBe(false);
    expect(isConfiguredOrganization(ORG_ID, ORG_ID.slice(0, 15))).toBe(true);
    expect(isConfiguredOrganization('00D5g000009QwErEAK', ORG_ID)).toBe(false);
    expect(compared()).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
  });
});
