/**
 * Fuzz: HubSpot app webhooks (v3 signatures). Thousands of generated requests — validly signed
 * garbage, truncated and deep batches, bodies changed after signing, huge bodies, wrong content
 * types, missing/legacy/bad/stale/future signatures, replays, URLs other than the signed one,
 * correctly signed batches from other portals — and each one is a 4xx with a stable code and
 * queues nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemoryQueue } from '../unit/edge/support/edge-harness.ts';
import { NOW } from '../unit/edge/support/edge-harness.ts';
import {
  CLIENT_SECRET,
  HOST,
  OTHER_PORTAL_ID,
  PORTAL_ID,
  THREE_EVENTS,
  WEBHOOKS_PATH,
  hubspotDeps,
  hubspotEvent,
  hubspotRequest,
  v3,
} from '../unit/edge/support/hubspot-requests.ts';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  deepJson,
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

const deps = (queue: MemoryQueue) => hubspotDeps({ queue });
const valid = Buffer.from(THREE_EVENTS, 'utf8');
const BODY_CODES = ['malformed_json', 'invalid_payload'];

const withHeaders = (headers: Record<string, string | undefined>, body: Buffer = valid) => {
  const request = hubspotRequest(body);
  return { ...request, headers: { ...request.headers, ...headers } };
};

/** The valid v3 signature with one base64 character changed. */
const flippedSignature = fc
  .tuple(fc.integer({ min: 0, max: 42 }), fc.constantFrom(...'AQgw+/09aZ'))
  .map(([at, character]) => {
    const signature = v3(CLIENT_SECRET, 'POST', `https://${HOST}${WEBHOOKS_PATH}`, valid, String(NOW));
    return signature.slice(0, at) + character + signature.slice(at + 1);
  })
  .filter(
    (signature) => signature !== v3(CLIENT_SECRET, 'POST', `https://${HOST}${WEBHOOKS_PATH}`, valid, String(NOW)),
  );

/** Milliseconds outside HubSpot's window: more than 5 minutes old, or more than a minute ahead. */
const offWindow = fc.oneof(
  fc.integer({ min: 300_001, max: 10 ** 12 }).map((ms) => NOW - ms),
  fc.integer({ min: 60_001, max: 10 ** 12 }).map((ms) => NOW + ms),
  fc.constantFrom(NOW - 300_001, NOW + 60_001, 0),
);

/** A correctly signed batch in which at least one event names another portal. */
const otherPortals = fc
  .tuple(
    fc.oneof(
      fc.constant(Number(OTHER_PORTAL_ID)),
      fc.integer({ min: 1, max: 2 ** 40 }).filter((id) => id !== Number(PORTAL_ID)),
      fc.constantFrom(0, Number(PORTAL_ID) + 1, Number(PORTAL_ID) * 10),
    ),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([portalId, before, after]) =>
    JSON.stringify([
      ...Array.from({ length: before }, (_, i) => hubspotEvent({ eventId: 200 + i })),
      hubspotEvent({ eventId: 300, portalId }),
      ...Array.from({ length: after }, (_, i) => hubspotEvent({ eventId: 400 + i })),
    ]),
  );

const signed = (body: Buffer | string) => hubspotRequest(body);
const cases: fc.Arbitrary<Case> = fc.oneof(
  randomBytes.map(signed).map(tagged('random bytes, signed', BODY_CODES)),
  jsonish.map(signed).map(tagged('json-ish tokens, signed', BODY_CODES)),
  truncated(valid)
    .map(signed)
    .map(tagged('truncated, signed', ['malformed_json'])),
  fc
    .jsonValue({ maxDepth: 3 })
    .filter((value) => !Array.isArray(value))
    .map((value) => signed(JSON.stringify(value)))
    .map(tagged('JSON that is not a batch, signed', ['invalid_payload'])),
  oneByteFlipped(valid)
    .map((body) => ({ ...hubspotRequest(valid), rawBody: body }))
    .map(tagged('one byte flipped after signing', ['bad_signature'])),
  deepJson.map(signed).map(tagged('deep JSON, signed', BODY_CODES)),
  deepJson
    .map((deep) => signed(`[${JSON.stringify(hubspotEvent()).slice(0, -1)},"propertyValue":${deep.toString()}}]`))
    .map(tagged('deep JSON inside an event, signed', BODY_CODES)),
  hugeBodies(valid)
    .map(signed)
    .map(tagged('huge, signed', ['payload_too_large'])),
  wrongContentType(['application/json'])
    .map((contentType) => withHeaders({ 'content-type': contentType }))
    .map(tagged('wrong content type', ['unsupported_media_type'])),
  fc
    .constantFrom<readonly ('v1' | 'v2' | 'v3')[]>([], ['v1'], ['v2'])
    .map((versions) => hubspotRequest(valid, { versions }))
    .map(tagged('no v3 signature', ['missing_signature', 'legacy_signature_refused'])),
  fc
    .constantFrom<Record<string, string | undefined>>(
      { 'x-hubspot-signature-v3': undefined },
      { 'x-hubspot-request-timestamp': undefined },
      { 'x-hubspot-signature-v3': '' },
      { 'x-hubspot-signature-v3': ' ', 'x-hubspot-request-timestamp': ' ' },
    )
    .map((headers) => withHeaders(headers))
    .map(
      tagged('v3 signature or timestamp missing', ['missing_signature', 'bad_signature', 'legacy_signature_refused']),
    ),
  fc
    .oneof(flippedSignature, fc.string({ maxLength: 60 }), fc.base64String({ minLength: 44, maxLength: 44 }))
    .filter((signature) => signature.trim() !== '')
    .map((signature) => withHeaders({ 'x-hubspot-signature-v3': signature }))
    .map(tagged('bad v3 signature', ['bad_signature'])),
  fc
    .oneof(
      fc.constantFrom(String(NOW / 1000), `${NOW}.0`, `-${NOW}`, '1e12', new Date(NOW).toISOString()),
      fc.string({ maxLength: 20 }).filter((text) => text.trim() !== '' && !/^\d{1,16}$/.test(text.trim())),
    )
    .map((timestamp) => {
      const uri = `https://${HOST}${WEBHOOKS_PATH}`;
      return withHeaders({
        'x-hubspot-request-timestamp': timestamp,
        'x-hubspot-signature-v3': v3(CLIENT_SECRET, 'POST', uri, valid, timestamp),
      });
    })
    .map(tagged('timestamp not unix milliseconds', ['bad_signature', 'stale_timestamp'])),
  offWindow
    .map((timestamp) => hubspotRequest(valid, { timestamp }))
    .map(tagged('replay / future: valid v3 signature outside the window', ['stale_timestamp'])),
  offWindow
    .map((signedAt) => {
      // Signed at an old (or future) moment, then re-dated to now: the signature no longer matches.
      const request = hubspotRequest(valid, { timestamp: signedAt });
      return { ...request, headers: { ...request.headers, 'x-hubspot-request-timestamp': String(NOW) } };
    })
    .map(tagged('old signature re-dated to now', ['bad_signature'])),
  fc
    .oneof(
      fc.constantFrom(
        `https://evil.example.com${WEBHOOKS_PATH}`,
        `http://${HOST}${WEBHOOKS_PATH}`,
        `https://${HOST}${WEBHOOKS_PATH}/`,
        `https://${HOST}${WEBHOOKS_PATH}?x=1`,
        `https://${HOST}/base${WEBHOOKS_PATH}`,
      ),
      fc.webUrl().filter((url) => url !== `https://${HOST}${WEBHOOKS_PATH}`),
    )
    .map((signedUri) => hubspotRequest(valid, { signedUri }))
    .map(tagged('signed for another URL', ['bad_signature'])),
  fc
    .string({ minLength: 32, maxLength: 64 })
    .filter((secret) => secret !== CLIENT_SECRET)
    .map((secret) => hubspotRequest(valid, { secret }))
    .map(tagged("signed with another app's client secret", ['bad_signature'])),
  fc
    .constantFrom<Record<string, string | undefined>>({ host: undefined }, { host: 'evil.example.com' })
    .map((headers) => withHeaders(headers))
    .map(tagged('Host missing or another host', ['bad_signature'])),
  otherPortals.map(signed).map(tagged('valid signature, another portal', ['unknown_portal'])),
);

describe('fuzzing the HubSpot webhooks route', () => {
  it('answers every generated bad request with a 4xx JSON error and queues nothing', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ kind, request, codes }) => {
        const code = expectRefused(await send(request, deps), 'json', kind);
        if (codes) expect(codes, kind).toContain(code);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  it('positive control: a correctly signed batch is accepted and queues exactly its three events', async () => {
    const { response, queue } = await send(hubspotRequest(valid), deps);
    expect(response.status).toBe(200);
    expect(queue.events).toHaveLength(3);
  });
});
