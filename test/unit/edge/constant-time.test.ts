/**
 * Secrets are compared with crypto.timingSafeEqual on equal-length digests, whatever was sent. The
 * spy wraps Node's own function (not ours) to see what it was given.
 */
import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  authenticateWorkflow,
  isConfiguredPortal,
  verifyHubSpotSignature,
} from '../../../lib/crm/hubspot/webhooks/index.ts';
import { isConfiguredOrganization, pathTokenMatches } from '../../../lib/crm/salesforce/outbound-message/index.ts';
import { signatureFor, verifySignature } from '../../../lib/crm/signed-json/index.ts';
import { HMAC_SECRET, NOW, NOW_SECONDS, PATH_TOKEN } from './support/edge-harness.ts';
import { API_KEY, CLIENT_SECRET, v1, v3 } from './support/hubspot-requests.ts';
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

describe('constant-time comparison of HubSpot credentials', () => {
  const rawBody = Buffer.from('[]');
  const uri = 'https://hooks.example.com/webhooks/hubspot';
  const timestamp = String(NOW);
  const good = v3(CLIENT_SECRET, 'POST', uri, rawBody, timestamp);

  it.each([
    ['the right v3 signature', good],
    ['a short one', 'AA=='],
    ['a long one', `${good}${'A'.repeat(200)}`],
    ['a wrong one of the right length', `${good.startsWith('A') ? 'B' : 'A'}${good.slice(1)}`],
  ])('checks %s with one timingSafeEqual over two 32-byte digests', (_what, signature) => {
    const headers = { 'x-hubspot-request-timestamp': timestamp, 'x-hubspot-signature-v3': signature };
    verifyHubSpotSignature({ method: 'POST', uri, headers, rawBody }, { clientSecret: CLIENT_SECRET, now: NOW });
    expect(compared()).toEqual([[32, 32]]);
  });

  it('checks v1 signatures, workflow API keys and portal ids the same way', () => {
    const legacy = { 'x-hubspot-signature-version': 'v1', 'x-hubspot-signature': v1(CLIENT_SECRET, rawBody).slice(3) };
    verifyHubSpotSignature(
      { method: 'POST', uri, headers: legacy, rawBody },
      { clientSecret: CLIENT_SECRET, allowLegacySignatures: true, now: NOW },
    );
    authenticateWorkflow(
      { method: 'POST', uri, headers: { 'x-crmflow-key': 'k' }, rawBody },
      { apiKey: API_KEY, now: NOW },
    );
    expect(isConfiguredPortal('62515', '6251')).toBe(false);
    expect(compared()).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
  });
});
