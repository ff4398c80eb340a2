/** Signed JSON callouts: the signature, the replay window, and the body's shape. */
import { describe, expect, it } from 'vitest';
import { fromIso } from '../../../lib/core/time/instant.ts';
import {
  readSignedEvents,
  signatureFor,
  verifySignature,
  type SignedRequest,
} from '../../../lib/crm/signed-json/index.ts';
import { HMAC_SECRET, NOW, NOW_SECONDS, calloutEvent } from './support/edge-harness.ts';

const body = Buffer.from(JSON.stringify({ events: [calloutEvent()] }), 'utf8');

function signed(options: { timestamp?: number; secret?: string; rawBody?: Buffer } = {}): SignedRequest {
  const timestamp = String(options.timestamp ?? NOW_SECONDS);
  const rawBody = options.rawBody ?? body;
  return {
    headers: {
      'x-crmflow-timestamp': timestamp,
      'x-crmflow-signature': signatureFor(options.secret ?? HMAC_SECRET, timestamp, rawBody),
    },
    rawBody,
  };
}

const codeOf = (request: SignedRequest, now = NOW) => {
  const result = verifySignature(request, HMAC_SECRET, now);
  return result.ok ? 'ok' : result.rejection.code;
};

describe('the signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>" (checked against openssl)', () => {
    // printf '%s' '1796194800.{"events":[]}' | openssl dgst -sha256 -hmac 'test-secret-that-is-long-enough-to-use'
    expect(signatureFor(HMAC_SECRET, '1796194800', '{"events":[]}')).toBe(
      'sha256=508ed785f5ebd425b417f9c112470b3da4b7502acfe8b351b7446f5e1abc0349',
    );
  });

  it('accepts a request signed with the secret just now', () => {
    expect(codeOf(signed())).toBe('ok');
  });

  it('accepts upper-case hex and surrounding spaces', () => {
    const request = signed();
    const headers = {
      ...request.headers,
      'x-crmflow-signature': ` ${request.headers['x-crmflow-signature']?.toUpperCase()} `,
    };
    expect(codeOf({ ...request, headers })).toBe('ok');
  });

  it('refuses a request signed with another secret', () => {
    expect(codeOf(signed({ secret: `${HMAC_SECRET}x` }))).toBe('bad_signature');
  });

  it('refuses a body with one byte changed', () => {
    const request = signed();
    const tampered = Buffer.from(body);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 0x01;
    expect(codeOf({ ...request, rawBody: tampered })).toBe('bad_signature');
  });

  it('refuses a signature with one character changed, cut short, or made longer', () => {
    const request = signed();
    const signature = request.headers['x-crmflow-signature'] ?? '';
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    for (const wrong of [
      flipped,
      signature.slice(0, -2),
      `${signature}00`,
      'sha256=',
      signature.replace('sha256=', ''),
    ]) {
      expect(codeOf({ ...request, headers: { ...request.headers, 'x-crmflow-signature': wrong } })).toBe(
        'bad_signature',
      );
    }
  });

  it('refuses a timestamp that is not the one signed', () => {
    const request = signed();
    expect(
      codeOf({ ...request, headers: { ...request.headers, 'x-crmflow-timestamp': String(NOW_SECONDS - 1) } }),
    ).toBe('bad_signature');
  });

  it.each([
    ['the signature', 'x-crmflow-signature'],
    ['the timestamp', 'x-crmflow-timestamp'],
  ])('refuses a request without %s', (_what, header) => {
    const request = signed();
    expect(codeOf({ ...request, headers: { ...request.headers, [header]: undefined } })).toBe('missing_signature');
    expect(codeOf({ ...request, headers: { ...request.headers, [header]: '  ' } })).toBe('missing_signature');
  });

  it('refuses a timestamp that is not unix seconds', () => {
    for (const timestamp of ['2026-12-02T07:00:05Z', '1796194805.5', '-1', '0x6b0e0b05']) {
      const request = signed();
      expect(codeOf({ ...request, headers: { ...request.headers, 'x-crmflow-timestamp': timestamp } })).toBe(
        'bad_signature',
      );
    }
  });
});

describe('the replay window', () => {
  it('accepts requests signed up to 5 minutes before or after now', () => {
    expect(codeOf(signed({ timestamp: NOW_SECONDS - 300 }))).toBe('ok');
    expect(codeOf(signed({ timestamp: NOW_SECONDS + 300 }))).toBe('ok');
  });

  it('refuses a stale request (a replay) and one from the future', () => {
    expect(codeOf(signed({ timestamp: NOW_SECONDS - 301 }))).toBe('stale_timestamp');
    expect(codeOf(signed({ timestamp: NOW_SECONDS + 301 }))).toBe('stale_timestamp');
  });

  it('refuses a timestamp in milliseconds, saying it wants seconds', () => {
    const result = verifySignature(signed({ timestamp: NOW }), HMAC_SECRET, NOW);
    expect(result.ok || result.rejection).toEqual({
      code: 'bad_signature',
      message: 'X-Crmflow-Timestamp must be unix time in seconds',
    });
  });

  it('judges the signature first: a forged stale request is just a bad signature', () => {
    expect(codeOf(signed({ timestamp: NOW_SECONDS - 3600, secret: 'guess' }))).toBe('bad_signature');
  });
});

describe('the body', () => {
  const read = (json: unknown) =>
    readSignedEvents(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8'), NOW);

  it('becomes partial Salesforce events of the named objects', () => {
    const result = read({ events: [calloutEvent(), calloutEvent({ id: 'e2', object: 'Case', change: 'created' })] });
    expect(result.ok && result.value).toEqual([
      {
        id: 'a0B5g00000EvT01-1',
        crm: 'salesforce',
        kind: 'order',
        recordId: '8015g00000OrD01AAB',
        change: 'updated',
        occurredAt: fromIso('2026-12-02T06:59:58Z'),
        receivedAt: NOW,
        fields: {
          Status: 'Activated',
          Expedite__c: true,
          Promised_Date__c: '2026-12-09',
          TotalAmount: 129.5,
          ShipToCity: null,
        },
        complete: false,
      },
      expect.objectContaining({ id: 'e2', kind: 'case', change: 'created' }),
    ]);
  });

  it.each(['', '{', '{"events": [}', 'null x', '\u0000'])('calls %j malformed JSON', (json) => {
    expect(read(json).ok || (read(json) as { rejection: { code: string } }).rejection.code).toBe('malformed_json');
  });

  it('calls bytes that are not UTF-8 malformed JSON', () => {
    const result = readSignedEvents(Buffer.from([0x7b, 0xff, 0x7d]), NOW);
    expect(result.ok || result.rejection.code).toBe('malformed_json');
  });

  it.each([
    ['no events', { events: [] }, /events: send at least one event/],
    ['too many events', { events: Array.from({ length: 101 }, () => calloutEvent()) }, /at most 100/],
    ['an object it does not follow', { events: [calloutEvent({ object: 'Account' })] }, /events\[0\]\.object/],
    ['a record id that is not an id', { events: [calloutEvent({ recordId: 'order 42' })] }, /events\[0\]\.recordId/],
    ['a timestamp without offset', { events: [calloutEvent({ occurredAt: '2026-12-02T07:00:00' })] }, /occurredAt/],
    ['a nested field', { events: [calloutEvent({ fields: { Owner: { Name: 'Ann' } } })] }, /fields\.Owner/],
    ['a misspelt key', { events: [{ ...calloutEvent(), occuredAt: 'x' }] }, /occuredAt/],
    ['a wrong change', { events: [calloutEvent({ change: 'upserted' })] }, /change/],
    ['a list instead of the object', [calloutEvent()], /expected object/],
  ])('refuses %s as an invalid payload', (_what, json, message) => {
    const result = read(json);
    expect(result.ok || result.rejection).toMatchObject({
      code: 'invalid_payload',
      message: expect.stringMatching(message),
    });
  });

  it('never quotes payload values in its messages', () => {
    const result = read({ events: [calloutEvent({ recordId: 'jane.doe@example.com', change: 'private-value' })] });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/jane\.doe|private-value/);
  });
});
