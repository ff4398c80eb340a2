/**
 * Fuzz: Salesforce Outbound Messages (SOAP). Thousands of generated requests — bytes, broken and
 * flipped messages, deep nesting, huge bodies, DTDs and entities, wrong content types, wrong path
 * tokens, other orgs — and each one is a 4xx SOAP Fault with a stable code and queues nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ORG_ID,
  OTHER_ORG_ID,
  TWO_CASES,
  caseFields,
  outboundMessage,
} from '../unit/edge/support/salesforce-messages.ts';
import type { MemoryQueue } from '../unit/edge/support/edge-harness.ts';
import { OUTBOUND_PATH, PATH_TOKEN, edgeDeps, outboundRequest } from '../unit/edge/support/edge-harness.ts';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  deepJson,
  entityPayloads,
  expectRefused,
  hugeBodies,
  oneByteFlipped,
  randomBytes,
  send,
  tagged,
  truncated,
  undefinedEntities,
  wrongContentType,
  type Case,
} from './edge-fuzz-harness.ts';

const deps = (queue: MemoryQueue) => edgeDeps({ queue });
const valid = Buffer.from(TWO_CASES, 'utf8');
const XML_DECLARATION = /^<\?xml[^>]*\?>/;

/**
 * Positions whose byte is markup (`<`, `>`, `=`, `"`) or inside the 15-character OrganizationId:
 * a flip there breaks the message or names another org. Left out, because the flip can leave a
 * message that is still well-formed and right: the XML declaration (ignored, not validated — see
 * the report), the self-closing `<SessionId xsi:nil="true"/>` (its `<` flipped to `=` makes it
 * plain text crmflow ignores) and the 18-character id's 3-character case-checksum suffix.
 */
const flippable = (() => {
  const text = valid.toString('latin1');
  const afterDeclaration = text.indexOf('?>') + 2;
  const sessionId = text.indexOf('<SessionId');
  const sessionIdEnd = text.indexOf('/>', sessionId) + 2;
  const positions: number[] = [];
  valid.forEach((byte, at) => {
    const skipped = at < afterDeclaration || (at >= sessionId && at < sessionIdEnd);
    if (!skipped && '<>="'.includes(String.fromCharCode(byte))) positions.push(at);
  });
  const org = valid.indexOf(ORG_ID);
  for (let at = org; at < org + 15; at++) positions.push(at);
  return positions;
})();
const structuralFlip = fc.tuple(fc.constantFrom(...flippable), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
  const copy = Buffer.from(valid);
  copy[at] = (copy[at] ?? 0) ^ xor;
  return copy;
});

const xmlish = fc
  .array(
    fc.constantFrom(
      '<',
      '>',
      '/',
      '&',
      ';',
      '"',
      '=',
      ' ',
      'sf:',
      'soapenv:',
      'Envelope',
      'Body',
      'notifications',
      'Notification',
      'OrganizationId',
      '<!--',
      '-->',
      ']]>',
      '<![CDATA[',
      '<?xml version="1.0"?>',
      '#x41',
      '\u0000',
      '\uFFFE',
      'a',
    ),
    { maxLength: 200 },
  )
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>';
const deepXml = fc
  .tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('a', 'notifications', 'sf:Id'), fc.boolean())
  .map(([levels, tag, closed]) =>
    Buffer.from(
      ENVELOPE_OPEN +
        `<${tag}>`.repeat(levels) +
        (closed ? `</${tag}>`.repeat(levels) + '</soapenv:Body></soapenv:Envelope>' : ''),
      'utf8',
    ),
  );

const withEntities = entityPayloads.map(({ doctype, reference, withDeclaration }) => {
  const message = TWO_CASES.replace('Refund not received', `Refund ${reference}`);
  const body = withDeclaration
    ? message.replace(XML_DECLARATION, (declaration) => `${declaration}\n${doctype}`)
    : `${doctype}\n${message.replace(XML_DECLARATION, '')}`;
  return Buffer.from(body, 'utf8');
});
const withUndefinedEntity = undefinedEntities.map((entity) =>
  Buffer.from(TWO_CASES.replace('Refund not received', `Refund ${entity}`), 'utf8'),
);

/** Path tokens that are not this deployment's: random, one character off, cut, extended. */
const wrongTokens = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    fc
      .tuple(fc.integer({ min: 0, max: PATH_TOKEN.length - 1 }), fc.constantFrom(...'ABCxyz019-_'))
      .map(([at, character]) => PATH_TOKEN.slice(0, at) + character + PATH_TOKEN.slice(at + 1)),
    fc.integer({ min: 1, max: PATH_TOKEN.length - 1 }).map((length) => PATH_TOKEN.slice(0, length)),
    fc.stringMatching(/^[A-Za-z0-9]{1,8}$/).map((tail) => PATH_TOKEN + tail),
    fc.constant(PATH_TOKEN.toLowerCase()),
    fc.constant(encodeURIComponent(PATH_TOKEN).replace('-', '%2D')),
  )
  .filter((token) => token !== PATH_TOKEN);

/** Well-formed messages from an org that is not this deployment's (any 15/18-character id). */
const otherOrgs = fc
  .oneof(
    fc.constant(OTHER_ORG_ID),
    fc.stringMatching(/^00D[A-Za-z0-9]{12}$/),
    fc.stringMatching(/^00D[A-Za-z0-9]{15}$/),
    fc.constant(ORG_ID.toLowerCase()),
  )
  .filter((id) => id.slice(0, 15) !== ORG_ID.slice(0, 15));

const request = (body: Buffer) => outboundRequest(body);
const cases: fc.Arbitrary<Case> = fc.oneof(
  randomBytes.map(request).map(tagged('random bytes')),
  xmlish.map(request).map(tagged('xml-ish tokens')),
  truncated(valid).map(request).map(tagged('truncated')),
  structuralFlip.map(request).map(tagged('one structural byte flipped')),
  oneByteFlipped(valid)
    .map((body) => outboundRequest(body, { path: `${OUTBOUND_PATH}x` }))
    .map(tagged('flipped, wrong token', ['bad_path_token'])),
  deepXml.map(request).map(tagged('deep XML', ['malformed_xml', 'invalid_outbound_message'])),
  deepJson.map(request).map(tagged('deep JSON as XML', ['malformed_xml'])),
  hugeBodies(valid)
    .map(request)
    .map(tagged('huge', ['payload_too_large'])),
  withEntities.map(request).map(tagged('DTD / entity declaration', ['xml_entities_forbidden'])),
  withUndefinedEntity.map(request).map(tagged('undefined entity', ['malformed_xml'])),
  wrongContentType(['text/xml', 'application/xml'])
    .map((contentType) =>
      outboundRequest(valid, { headers: contentType === undefined ? {} : { 'content-type': contentType } }),
    )
    .map(tagged('wrong content type', ['unsupported_media_type'])),
  fc
    .tuple(wrongTokens, fc.oneof(fc.constant(valid), randomBytes))
    .map(([token, body]) => outboundRequest(body, { path: `/webhooks/salesforce/outbound/${token}` }))
    .map(tagged('wrong path token', ['bad_path_token'])),
  otherOrgs
    .map((orgId) => request(Buffer.from(outboundMessage([{ fields: caseFields() }], orgId), 'utf8')))
    .map(tagged('another org', ['unknown_organization', 'invalid_outbound_message'])),
  fc
    .constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'post ', 'TRACE')
    .map((method) => outboundRequest(valid, { method }))
    .map(tagged('not a POST', ['method_not_allowed'])),
);

describe('fuzzing the Outbound Message route', () => {
  it('answers every generated bad request with a 4xx SOAP Fault and queues nothing', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ kind, request: generated, codes }) => {
        const code = expectRefused(await send(generated, deps), 'soap', kind);
        if (codes) expect(codes, kind).toContain(code);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  it('positive control: the valid message is acknowledged and queues exactly its two cases', async () => {
    const { response, queue } = await send(outboundRequest(valid), deps);
    expect(response.status).toBe(200);
    expect(response.body).toContain('<Ack>true</Ack>');
    expect(queue.events).toHaveLength(2);
    expect(queue.events.map((event) => event.recordId)).toEqual(['5005g00000Q1aBcAAF', '5005g00000Q1aBdAAF']);
  });
});
