/**
 * Fuzz: HubSpot workflow "Send a webhook" actions, authenticated by v3 signature or by the API key
 * header, on both workflow paths. Thousands of generated requests — garbage, truncated and deep
 * bodies under a valid signature or key, bodies changed after signing, huge bodies, wrong content
 * types, missing/legacy/bad/stale/future signatures, replays, wrong keys, correctly signed bodies
 * naming another portal — and each one is a 4xx with a stable code and queues nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WebhookRequest } from '../../lib/edge/index.ts';
import type { MemoryQueue } from '../unit/edge/support/edge-harness.ts';
import { NOW } from '../unit/edge/support/edge-harness.ts';
import {
  API_KEY,
  CLIENT_SECRET,
  HOST,
  ORDERS_PATH,
  OTHER_PORTAL_ID,
  PORTAL_ID,
  TICKETS_PATH,
  TICKET_PROPERTIES,
  apiKeyRequest,
  hubspotDeps,
  hubspotRequest,
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
const valid = Buffer.from(TICKET_PROPERTIES, 'utf8');
const BODY_CODES = ['malformed_json', 'invalid_payload'];
const path = fc.constantFrom(TICKETS_PATH, ORDERS_PATH);

/** How a body reaches the edge with valid credentials: signed (v3) or with the right API key. */
type Sender = (body: Buffer, path: string) => WebhookRequest;
const bySignature: Sender = (body, at) => hubspotRequest(body, { path: at, versions: ['v3'] });
const byApiKey: Sender = (body, at) => apiKeyRequest(body.toString('latin1'), at);
const byApiKeyRaw: Sender = (body, at) => ({ ...apiKeyRequest('', at), rawBody: body });
const sender = fc.constantFrom<[string, Sender]>(['signature', bySignature], ['API key', byApiKeyRaw]);

/** A body sent both ways, on either path, tagged by how it was sent. */
const credentialed = (bodies: fc.Arbitrary<Buffer>, kind: string, codes?: readonly string[]) =>
  fc.tuple(bodies, path, sender).map(([body, at, [how, send]]) => ({
    kind: `${kind} (${how})`,
    request: send(body, at),
    ...(codes ? { codes } : {}),
  }));

const withHeaders = (at: string, headers: Record<string, string | undefined>) => {
  const request = bySignature(valid, at);
  return { ...request, headers: { ...request.headers, ...headers } };
};

const offWindow = fc.oneof(
  fc.integer({ min: 300_001, max: 10 ** 12 }).map((ms) => NOW - ms),
  fc.integer({ min: 60_001, max: 10 ** 12 }).map((ms) => NOW + ms),
  fc.constantFrom(NOW - 300_001, NOW + 60_001, 0),
);

const otherPortal = fc.oneof(
  fc.constant(OTHER_PORTAL_ID),
  fc
    .integer({ min: 1, max: 2 ** 40 })
    .filter((id) => String(id) !== PORTAL_ID)
    .map(String),
  fc.integer({ min: 1, max: 2 ** 40 }).filter((id) => String(id) !== PORTAL_ID),
);

const cases: fc.Arbitrary<Case> = fc.oneof(
  credentialed(randomBytes, 'random bytes', BODY_CODES),
  credentialed(jsonish, 'json-ish tokens', BODY_CODES),
  credentialed(truncated(valid), 'truncated', ['malformed_json']),
  credentialed(
    fc
      .jsonValue({ maxDepth: 3 })
      .filter(
        (value) =>
          value === null ||
          typeof value !== 'object' ||
          Array.isArray(value) ||
          (!('objectId' in value) && !('hs_object_id' in value)),
      )
      .map((value) => Buffer.from(JSON.stringify(value), 'utf8')),
    'JSON without a record id',
    ['invalid_payload'],
  ),
  credentialed(
    fc
      .oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', 'abc', '12 34', '-1', '1.5', '0x10', '__proto__'))
      .filter(
        (id) =>
          !(typeof id === 'string' && /^\d+$/.test(id)) &&
          !(typeof id === 'number' && Number.isSafeInteger(id) && id > 0),
      )
      .map((id) => Buffer.from(JSON.stringify({ ...JSON.parse(TICKET_PROPERTIES), hs_object_id: id }), 'utf8')),
    'record id of the wrong shape',
    ['invalid_payload'],
  ),
  credentialed(deepJson, 'deep JSON', BODY_CODES),
  credentialed(
    deepJson.map((deep) => Buffer.from(`{"hs_object_id":${deep.toString()}}`, 'utf8')),
    'deep JSON as the record id',
    BODY_CODES,
  ),
  credentialed(hugeBodies(valid), 'huge', ['payload_too_large']),
  fc
    .tuple(oneByteFlipped(valid), path)
    .map(([body, at]) => ({ ...bySignature(valid, at), rawBody: body }))
    .map(tagged('one byte flipped after signing', ['bad_signature'])),
  fc
    .tuple(path, wrongContentType(['application/json']), sender)
    .map(([at, contentType, [, send]]) => {
      const request = send(valid, at);
      return { ...request, headers: { ...request.headers, 'content-type': contentType } };
    })
    .map(tagged('wrong content type', ['unsupported_media_type'])),
  fc
    .tuple(path, fc.constantFrom<readonly ('v1' | 'v2' | 'v3')[]>([], ['v1'], ['v2']))
    .map(([at, versions]) => hubspotRequest(valid, { path: at, versions }))
    .map(tagged('no v3 signature, no key', ['missing_signature', 'legacy_signature_refused'])),
  fc
    .tuple(path, fc.oneof(fc.string({ maxLength: 60 }), fc.base64String({ minLength: 44, maxLength: 44 })))
    .filter(([, signature]) => signature.trim() !== '')
    .map(([at, signature]) => withHeaders(at, { 'x-hubspot-signature-v3': signature }))
    .map(tagged('bad v3 signature', ['bad_signature'])),
  fc
    .tuple(path, offWindow)
    .map(([at, timestamp]) => hubspotRequest(valid, { path: at, timestamp, versions: ['v3'] }))
    .map(tagged('replay / future: valid v3 signature outside the window', ['stale_timestamp'])),
  fc
    .tuple(path, offWindow)
    .map(([at, signedAt]) => {
      // Signed at an old (or future) moment, then re-dated to now: the signature no longer matches.
      const request = hubspotRequest(valid, { path: at, timestamp: signedAt, versions: ['v3'] });
      return { ...request, headers: { ...request.headers, 'x-hubspot-request-timestamp': String(NOW) } };
    })
    .map(tagged('old signature re-dated to now', ['bad_signature'])),
  fc
    .tuple(path, fc.constantFrom(TICKETS_PATH, ORDERS_PATH, '/webhooks/hubspot'))
    .filter(([at, signedFor]) => at !== signedFor)
    .map(([at, signedFor]) =>
      hubspotRequest(valid, { path: at, signedUri: `https://${HOST}${signedFor}`, versions: ['v3'] }),
    )
    .map(tagged('signed for the other endpoint', ['bad_signature'])),
  fc
    .tuple(
      path,
      fc.string({ minLength: 32, maxLength: 64 }).filter((secret) => secret !== CLIENT_SECRET),
    )
    .map(([at, secret]) => hubspotRequest(valid, { path: at, secret, versions: ['v3'] }))
    .map(tagged("signed with another app's client secret", ['bad_signature'])),
  fc
    .tuple(
      path,
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.constantFrom(API_KEY.value.slice(0, -1), `${API_KEY.value}x`, API_KEY.value.toUpperCase(), CLIENT_SECRET),
      ),
    )
    .filter(([, key]) => key.trim() !== '' && key.trim() !== API_KEY.value)
    .map(([at, key]) => apiKeyRequest(TICKET_PROPERTIES, at, key))
    .map(tagged('wrong API key', ['bad_api_key'])),
  fc
    .tuple(path, fc.constantFrom('', '  '))
    .map(([at, key]) => apiKeyRequest(TICKET_PROPERTIES, at, key))
    .map(tagged('blank API key', ['missing_signature'])),
  fc
    .tuple(
      path,
      fc.string({ minLength: 1, maxLength: 60 }).filter((signature) => signature.trim() !== ''),
    )
    .map(([at, signature]) => withHeaders(at, { 'x-hubspot-signature-v3': signature, 'x-crmflow-key': API_KEY.value }))
    .map(tagged('bad signature beside the right API key (the signature is judged)', ['bad_signature'])),
  credentialed(
    otherPortal.map((portalId) => Buffer.from(JSON.stringify({ ...JSON.parse(TICKET_PROPERTIES), portalId }), 'utf8')),
    'valid credentials, another portal',
    ['unknown_portal', 'invalid_payload'],
  ),
);

describe('fuzzing the HubSpot workflow routes', () => {
  it('answers every generated bad request with a 4xx JSON error and queues nothing', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ kind, request, codes }) => {
        const code = expectRefused(await send(request, deps), 'json', kind);
        if (codes) expect(codes, kind).toContain(code);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  for (const at of [TICKETS_PATH, ORDERS_PATH]) {
    it(`positive control: ${at} accepts a signed body and a keyed body, each queuing exactly one event`, async () => {
      for (const request of [bySignature(valid, at), byApiKey(valid, at)]) {
        const { response, queue } = await send(request, deps);
        expect(response.status).toBe(200);
        expect(queue.events).toHaveLength(1);
        expect(queue.events[0]?.recordId).toBe('65059681032');
      }
    });
  }
});
