/**
 * Fuzz: signed JSON callouts from Apex/Flow. Thousands of generated requests — validly signed
 * garbage, truncated and deep bodies, bodies changed after signing, huge bodies, XML entity bombs,
 * wrong content types, missing/bad/stale/future signatures, replays, another deployment's secret —
 * and each one is a 4xx with a stable code and queues nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureFor } from '../../lib/crm/signed-json/index.ts';
import type { MemoryQueue } from '../unit/edge/support/edge-harness.ts';
import { HMAC_SECRET, NOW_SECONDS, calloutEvent, edgeDeps, signedRequest } from '../unit/edge/support/edge-harness.ts';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  deepJson,
  entityPayloads,
  expectRefused,
  hugeBodies,
  jsonish,
  oneByteFlipped,
  randomBytes,
  send,
  tagged,
  truncated,
  wrongContentType,
  type Case,
} from './edge-fuzz-harness.ts';

const deps = (queue: MemoryQueue) => edgeDeps({ queue });
const valid = Buffer.from(JSON.stringify({ events: [calloutEvent()] }), 'utf8');
const SIGNATURE_CODES = ['missing_signature', 'bad_signature'];

/** A correctly signed request with its headers then changed. */
const withHeaders = (headers: Record<string, string | undefined>, body: Buffer = valid) => {
  const request = signedRequest(body);
  return { ...request, headers: { ...request.headers, ...headers } };
};

/** The valid signature with one hex digit changed (not merely its case: the edge lowercases). */
const flippedSignature = fc
  .tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 1, max: 15 }))
  .map(([at, delta]) => {
    const signature = signatureFor(HMAC_SECRET, String(NOW_SECONDS), valid);
    const index = 'sha256='.length + at;
    const digit = ((parseInt(signature[index] ?? '0', 16) + delta) % 16).toString(16);
    return signature.slice(0, index) + digit + signature.slice(index + 1);
  });

const badSignatures = fc.oneof(
  flippedSignature,
  fc.string({ maxLength: 80 }),
  fc.stringMatching(/^sha256=[0-9a-f]{64}$/),
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.constantFrom('sha256=', 'sha1=', 'sha256', '=', 'null', 'sha256= '),
  fc.constant(signatureFor(HMAC_SECRET, String(NOW_SECONDS), valid).slice(0, -1)),
  fc.constant(signatureFor(HMAC_SECRET, String(NOW_SECONDS), valid) + '0'),
  fc.constant(
    `sha256=${Buffer.from(signatureFor(HMAC_SECRET, String(NOW_SECONDS), valid).slice(7), 'hex').toString('base64')}`,
  ),
);

/** Timestamps that are not unix seconds; each correctly signed, so only the format is wrong. */
const badTimestamps = fc.oneof(
  fc.constant(String(NOW_SECONDS * 1000)),
  fc.constantFrom(`${NOW_SECONDS}.0`, `+${NOW_SECONDS}`, `-${NOW_SECONDS}`, `0x${NOW_SECONDS.toString(16)}`, '1e9'),
  fc.constantFrom(new Date(NOW_SECONDS * 1000).toISOString(), new Date(NOW_SECONDS * 1000).toUTCString()),
  fc.string({ maxLength: 20 }).filter((text) => text.trim() !== '' && !/^\d{1,12}$/.test(text.trim())),
);

/** Seconds outside the 5-minute window, past (replays) or future. */
const offWindow = fc.oneof(
  fc.integer({ min: 301, max: 10 ** 9 }).map((seconds) => NOW_SECONDS - seconds),
  fc.integer({ min: 301, max: 10 ** 9 }).map((seconds) => NOW_SECONDS + seconds),
  fc.constant(NOW_SECONDS - 301),
  fc.constant(NOW_SECONDS + 301),
  fc.constant(0),
);

const signed = (body: Buffer) => signedRequest(body);
const cases: fc.Arbitrary<Case> = fc.oneof(
  randomBytes.map(signed).map(tagged('random bytes, signed', ['malformed_json', 'invalid_payload'])),
  jsonish.map(signed).map(tagged('json-ish tokens, signed', ['malformed_json', 'invalid_payload'])),
  truncated(valid)
    .map(signed)
    .map(tagged('truncated, signed', ['malformed_json'])),
  fc
    .jsonValue({ maxDepth: 4 })
    .map((value) => signed(Buffer.from(JSON.stringify({ events: [{ ...calloutEvent(), fields: value }] }), 'utf8')))
    .filter((request) => {
      const fields = (JSON.parse(request.rawBody.toString()) as { events: { fields: unknown }[] }).events[0]?.fields;
      const flat = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
      const ok =
        fields !== null &&
        typeof fields === 'object' &&
        !Array.isArray(fields) &&
        Object.entries(fields).every(([name, v]) => /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(name) && flat(v));
      return !ok;
    })
    .map(tagged('fields of the wrong shape, signed', ['invalid_payload'])),
  oneByteFlipped(valid)
    .map((body) => ({ ...signedRequest(valid), rawBody: body }))
    .map(tagged('one byte flipped after signing', ['bad_signature'])),
  deepJson.map(signed).map(tagged('deep JSON, signed', ['malformed_json', 'invalid_payload'])),
  deepJson
    .map((deep) => signed(Buffer.from(`{"events":[${deep.toString()}]}`, 'utf8')))
    .map(tagged('deep JSON inside events, signed', ['malformed_json', 'invalid_payload'])),
  hugeBodies(valid)
    .map(signed)
    .map(tagged('huge, signed', ['payload_too_large'])),
  entityPayloads
    .map(({ doctype, reference }) => signed(Buffer.from(`${doctype}<events>${reference}</events>`, 'utf8')))
    .map(tagged('XML entity bomb to the JSON route', ['malformed_json'])),
  wrongContentType(['application/json'])
    .map((contentType) => withHeaders({ 'content-type': contentType }))
    .map(tagged('wrong content type', ['unsupported_media_type'])),
  fc
    .constantFrom<Record<string, string | undefined>>(
      { 'x-crmflow-signature': undefined },
      { 'x-crmflow-timestamp': undefined },
      { 'x-crmflow-signature': undefined, 'x-crmflow-timestamp': undefined },
      { 'x-crmflow-signature': '' },
      { 'x-crmflow-signature': '   ' },
      { 'x-crmflow-timestamp': '' },
    )
    .map((headers) => withHeaders(headers))
    .map(tagged('missing signature or timestamp', ['missing_signature'])),
  badSignatures
    .map((signature) => withHeaders({ 'x-crmflow-signature': signature }))
    .map(tagged('bad signature', SIGNATURE_CODES)),
  badTimestamps
    .map((timestamp) =>
      withHeaders({
        'x-crmflow-timestamp': timestamp,
        'x-crmflow-signature': signatureFor(HMAC_SECRET, timestamp, valid),
      }),
    )
    .map(tagged('timestamp not unix seconds', ['bad_signature'])),
  offWindow
    .map((timestamp) => signedRequest(valid, { timestamp }))
    .map(tagged('replay / future: valid signature outside the window', ['stale_timestamp'])),
  fc
    .tuple(offWindow, fc.boolean())
    .map(([signedAt, fresh]) => {
      // Signed at an old (or future) moment, then re-dated to look fresh: the signature no longer matches.
      const request = signedRequest(valid, { timestamp: signedAt });
      const claimed = String(fresh ? NOW_SECONDS : signedAt + 1);
      return { ...request, headers: { ...request.headers, 'x-crmflow-timestamp': claimed } };
    })
    .map(tagged('timestamp changed after signing', ['bad_signature'])),
  fc
    .string({ minLength: 32, maxLength: 64 })
    .filter((secret) => secret !== HMAC_SECRET)
    .map((secret) => signedRequest(valid, { secret }))
    .map(tagged("signed with another deployment's secret", ['bad_signature'])),
);

describe('fuzzing the signed JSON callout route', () => {
  it('answers every generated bad request with a 4xx JSON error and queues nothing', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ kind, request, codes }) => {
        const code = expectRefused(await send(request, deps), 'json', kind);
        if (codes) expect(codes, kind).toContain(code);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  it('positive control: a correctly signed callout is accepted and queues exactly its event', async () => {
    const { response, queue } = await send(signedRequest(valid), deps);
    expect(response.status).toBe(202);
    expect(JSON.parse(response.body)).toEqual({ accepted: 1 });
    expect(queue.events).toHaveLength(1);
    expect(queue.events[0]?.recordId).toBe(calloutEvent().recordId);
  });
});
