/** Whatever arrives, the edge answers a 4xx and queues nothing — it never crashes, never half-accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleWebhook, type WebhookRequest } from '../../../lib/edge/index.ts';
import { MemoryQueue, calloutEvent, edgeDeps, outboundRequest, signedRequest } from './support/edge-harness.ts';
import { TWO_CASES } from './support/salesforce-messages.ts';

const runs = { numRuns: 500 };

async function refusedWithoutQueueing(request: WebhookRequest): Promise<void> {
  const queue = new MemoryQueue();
  const response = await handleWebhook(request, edgeDeps({ queue }));
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers['x-crmflow-error']).toMatch(/^[a-z_]+$/);
  expect(queue.events).toEqual([]);
}

const valid = Buffer.from(TWO_CASES, 'utf8');
/** Any cut before the closing `>` of the envelope leaves the document unfinished. */
const truncations = fc.integer({ min: 0, max: valid.lastIndexOf('>') }).map((length) => valid.subarray(0, length));
/** Bytes that look like XML part of the time, so the parser is reached, not just the UTF-8 check. */
const xmlish = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  fc
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
        'Id',
        'Envelope',
        '<!--',
        ']]>',
        '<![CDATA[',
        '#x41',
        'a',
      ),
      {
        maxLength: 200,
      },
    )
    .map((parts) => Buffer.from(parts.join(''), 'utf8')),
);
/** The valid message with a run of random bytes written over its closing tag. */
const closing = Buffer.from('</soapenv:Envelope>');
const overwritten = fc
  .tuple(
    fc.integer({ min: valid.lastIndexOf(closing) - 15, max: valid.length - 1 }),
    fc.uint8Array({ minLength: 1, maxLength: 16 }),
  )
  .map(([at, bytes]) => {
    const copy = Buffer.from(valid);
    copy.set(bytes.subarray(0, copy.length - at), at);
    return copy;
  })
  // Writing back the same bytes leaves the message valid: not a case of this property.
  .filter((bytes) => !bytes.includes(closing));

describe('the Outbound Message route, with the right token', () => {
  it('refuses random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(xmlish, (body) => refusedWithoutQueueing(outboundRequest(body))),
      runs,
    );
  });

  it('refuses every truncation of a valid message', async () => {
    await fc.assert(
      fc.asyncProperty(truncations, (body) => refusedWithoutQueueing(outboundRequest(body))),
      runs,
    );
  });

  it('refuses a valid message whose end was overwritten', async () => {
    await fc.assert(
      fc.asyncProperty(overwritten, (body) => refusedWithoutQueueing(outboundRequest(body))),
      runs,
    );
  });
});

describe('the signed JSON route, with a valid signature', () => {
  const validJson = Buffer.from(JSON.stringify({ events: [calloutEvent()] }), 'utf8');

  it('refuses random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(xmlish, (body) => refusedWithoutQueueing(signedRequest(body))),
      runs,
    );
  });

  it('refuses every truncation of a valid body', async () => {
    const cuts = fc.integer({ min: 0, max: validJson.length - 1 }).map((length) => validJson.subarray(0, length));
    await fc.assert(
      fc.asyncProperty(cuts, (body) => refusedWithoutQueueing(signedRequest(body))),
      runs,
    );
  });

  it('refuses any JSON value that is not the payload', async () => {
    const values = fc
      .jsonValue()
      .filter((value) => !(value !== null && typeof value === 'object' && 'events' in value));
    await fc.assert(
      fc.asyncProperty(values, (value) => refusedWithoutQueueing(signedRequest(JSON.stringify(value) ?? 'null'))),
      runs,
    );
  });
});
