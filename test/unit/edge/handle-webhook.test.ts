/** The edge end to end, without Lambda: each rejection with its own code and nothing queued. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, handleWebhook, type EdgeDeps, type WebhookRequest } from '../../../lib/edge/index.ts';
import {
  EVENTS_PATH,
  MemoryQueue,
  NOW_SECONDS,
  OUTBOUND_PATH,
  PATH_TOKEN,
  RecordingLogger,
  brokenQueue,
  calloutEvent,
  edgeDeps,
  errorCode,
  outboundRequest,
  signedRequest,
} from './support/edge-harness.ts';
import { BILLION_LAUGHS, OTHER_ORG_ID, TWO_CASES, caseFields, outboundMessage } from './support/salesforce-messages.ts';

const soap = new XMLParser({ removeNSPrefix: true, parseTagValue: false });
const calloutBody = JSON.stringify({ events: [calloutEvent(), calloutEvent({ id: 'a0B5g00000EvT01-2' })] });

/** Runs a request through the edge with a fresh queue and logger. */
async function send(request: WebhookRequest, overrides: Partial<EdgeDeps> = {}) {
  const queue = new MemoryQueue();
  const logger = new RecordingLogger();
  const response = await handleWebhook(request, edgeDeps({ queue, logger, ...overrides }));
  return { response, queued: queue.events, logs: logger.lines };
}

describe('an Outbound Message', () => {
  it('is queued as events, then acknowledged with the SOAP Ack as text/xml', async () => {
    const { response, queued } = await send(outboundRequest(TWO_CASES));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(soap.parse(response.body).Envelope.Body.notificationsResponse.Ack).toBe('true');
    expect(queued.map((event) => event.id)).toEqual(['04l5g00000AbCdEAAV', '04l5g00000AbCdFAAV']);
  });

  it('accepts application/xml and a 15-character configured org id', async () => {
    const request = outboundRequest(TWO_CASES, { headers: { 'content-type': 'application/xml' } });
    const { response } = await send(request, { config: { salesforce: { orgId: '00D5g000004XyZa' } } });
    expect(response.status).toBe(200);
  });

  it('reads a checkbox field the admin mapped in config as a boolean', async () => {
    const xml = outboundMessage([{ type: 'sf:Order', fields: caseFields({ Rush__c: 'true' }) }]);
    const config = { salesforce: { orgId: '00D5g000004XyZaEAK', fields: { 'order.expedite': 'Rush__c' } } };
    const { queued } = await send(outboundRequest(xml), { config });
    expect(queued[0]?.fields.Rush__c).toBe(true);
  });
});

describe('a signed JSON callout', () => {
  it('is queued as events and answered 202 with the count', async () => {
    const { response, queued } = await send(signedRequest(calloutBody));
    expect(response).toMatchObject({ status: 202, body: '{"accepted":2}' });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(queued.map((event) => event.id)).toEqual(['a0B5g00000EvT01-1', 'a0B5g00000EvT01-2']);
  });
});

/** Each rejection: its status, its code (in the body and the header), and nothing queued. */
const rejections: [string, number, string, () => WebhookRequest, Partial<EdgeDeps>?][] = [
  [
    'a forged organization id',
    403,
    'unknown_organization',
    () => outboundRequest(outboundMessage([{ fields: caseFields() }], OTHER_ORG_ID)),
  ],
  [
    'a wrong path token',
    403,
    'bad_path_token',
    () => outboundRequest(TWO_CASES, { path: `/webhooks/salesforce/outbound/${PATH_TOKEN.slice(0, -1)}X` }),
  ],
  [
    'a path token of another length',
    403,
    'bad_path_token',
    () => outboundRequest(TWO_CASES, { path: '/webhooks/salesforce/outbound/x' }),
  ],
  ['malformed XML', 400, 'malformed_xml', () => outboundRequest(TWO_CASES.replace('</sf:Status>', ''))],
  [
    'an entity-expansion ("billion laughs") payload',
    400,
    'xml_entities_forbidden',
    () => outboundRequest(BILLION_LAUGHS),
  ],
  [
    'a message of another shape',
    422,
    'invalid_outbound_message',
    () => outboundRequest(outboundMessage([{ type: 'sf:Account', fields: caseFields() }])),
  ],
  [
    'an oversized Outbound Message',
    413,
    'payload_too_large',
    () => outboundRequest(Buffer.alloc(MAX_BODY_BYTES + 1, ' ')),
  ],
  [
    'an Outbound Message sent as JSON',
    415,
    'unsupported_media_type',
    () => outboundRequest(TWO_CASES, { headers: { 'content-type': 'application/json' } }),
  ],
  [
    'an Outbound Message in Latin-1',
    415,
    'unsupported_media_type',
    () => outboundRequest(TWO_CASES, { headers: { 'content-type': 'text/xml; charset=ISO-8859-1' } }),
  ],
  [
    'an Outbound Message without content type',
    415,
    'unsupported_media_type',
    () => outboundRequest(TWO_CASES, { headers: {} }),
  ],
  ['an Outbound Message fetched with GET', 405, 'method_not_allowed', () => outboundRequest('', { method: 'GET' })],
  [
    'an Outbound Message to a deployment without a path token',
    404,
    'not_configured',
    () => outboundRequest(TWO_CASES),
    { secrets: {} },
  ],
  [
    'an Outbound Message to a deployment with a weak path token',
    404,
    'not_configured',
    () => outboundRequest(TWO_CASES, { path: '/webhooks/salesforce/outbound/short' }),
    { secrets: { salesforcePathToken: 'short' } },
  ],
  [
    'an Outbound Message to a deployment without Salesforce',
    404,
    'not_configured',
    () => outboundRequest(TWO_CASES),
    { config: { hubspot: { portalId: '1234567' } } },
  ],
  [
    'a callout without signature',
    401,
    'missing_signature',
    () => signedRequest(calloutBody, { headers: { 'x-crmflow-signature': undefined } }),
  ],
  [
    'a callout signed with another secret',
    401,
    'bad_signature',
    () => signedRequest(calloutBody, { secret: 'another-secret-that-is-long-enough-too' }),
  ],
  ['a replayed callout', 401, 'stale_timestamp', () => signedRequest(calloutBody, { timestamp: NOW_SECONDS - 600 })],
  ['a signed callout that is not JSON', 400, 'malformed_json', () => signedRequest('{"events": [')],
  ['a signed callout of another shape', 422, 'invalid_payload', () => signedRequest('{"events": []}')],
  ['an oversized callout', 413, 'payload_too_large', () => signedRequest(Buffer.alloc(MAX_BODY_BYTES + 1, ' '))],
  [
    'a callout sent as a form',
    415,
    'unsupported_media_type',
    () => signedRequest(calloutBody, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  ],
  [
    'a callout to a deployment without an HMAC secret',
    404,
    'not_configured',
    () => signedRequest(calloutBody),
    { secrets: {} },
  ],
  ['a request to no endpoint', 404, 'not_found', () => ({ ...signedRequest(calloutBody), path: '/webhooks/zendesk' })],
  [
    'a request to a path with a trailing slash',
    404,
    'not_found',
    () => ({ ...signedRequest(calloutBody), path: `${EVENTS_PATH}/` }),
  ],
];

describe.each(rejections)('%s', (_what, status, code, request, deps) => {
  it(`is refused ${status} ${code}, queues nothing, and logs only the code, route, size and org`, async () => {
    const { response, queued, logs } = await send(request(), deps);
    expect(response.status).toBe(status);
    expect(errorCode(response)).toBe(code);
    expect(queued).toEqual([]);
    expect(logs).toEqual([
      { level: 'warn', message: 'webhook refused', attributes: expect.objectContaining({ code, status }) },
    ]);
    const logKeys = Object.keys(logs[0]?.attributes ?? {});
    expect(logKeys.filter((key) => !['code', 'route', 'status', 'bytes', 'orgId'].includes(key))).toEqual([]);
    const logged = JSON.stringify(logs);
    for (const secret of [PATH_TOKEN, 'damaged', 'Refund', '5005g00000Q1aB', 'Activated', 'outbound/']) {
      expect(logged).not.toContain(secret);
    }
  });
});

describe('how rejections are told', () => {
  it('answers the JSON routes with { error: { code, message } }', async () => {
    const { response } = await send(signedRequest(calloutBody, { secret: 'another-secret-that-is-long-enough-too' }));
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'bad_signature', message: 'X-Crmflow-Signature does not match the body and timestamp' },
    });
  });

  it('answers the Outbound Message route with a SOAP Fault that carries the code', async () => {
    const { response } = await send(outboundRequest(outboundMessage([{ fields: caseFields() }], OTHER_ORG_ID)));
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    const fault = soap.parse(response.body).Envelope.Body.Fault;
    expect(fault.faultcode).toBe('soapenv:Client');
    expect(fault.faultstring).toMatch(/^unknown_organization: /);
    expect(fault.detail.error.code).toBe('unknown_organization');
  });

  it('logs the org id a refused Outbound Message claimed', async () => {
    const { logs } = await send(outboundRequest(outboundMessage([{ fields: caseFields() }], OTHER_ORG_ID)));
    expect(logs[0]?.attributes).toEqual({
      code: 'unknown_organization',
      route: 'salesforce.outbound',
      status: 403,
      bytes: expect.any(Number),
      orgId: OTHER_ORG_ID,
    });
  });

  it('tells which method to use', async () => {
    const { response } = await send({ ...signedRequest(calloutBody), method: 'PUT' });
    expect(response.headers.allow).toBe('POST');
  });
});

describe('a queue that cannot take the events', () => {
  it('makes an Outbound Message fail 503 enqueue_failed as a server fault, so Salesforce retries', async () => {
    const { response, logs } = await send(outboundRequest(TWO_CASES), { queue: brokenQueue });
    expect(response.status).toBe(503);
    expect(errorCode(response)).toBe('enqueue_failed');
    expect(soap.parse(response.body).Envelope.Body.Fault.faultcode).toBe('soapenv:Server');
    expect(response.body).not.toContain('Ack');
    expect(logs).toEqual([
      {
        level: 'error',
        message: 'webhook not queued',
        attributes: expect.objectContaining({ code: 'enqueue_failed', events: 2, error: 'Error: SQS unavailable' }),
      },
    ]);
  });

  it('makes a callout fail 503 enqueue_failed', async () => {
    const { response } = await send(signedRequest(calloutBody), { queue: brokenQueue });
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).error.code).toBe('enqueue_failed');
  });
});

describe('what is logged when all is well', () => {
  it('says route, count, size and org — not the token nor any value', async () => {
    const { logs } = await send(outboundRequest(TWO_CASES));
    expect(logs).toEqual([
      {
        level: 'info',
        message: 'webhook accepted',
        attributes: {
          route: 'salesforce.outbound',
          events: 2,
          bytes: Buffer.byteLength(TWO_CASES),
          orgId: '00D5g000004XyZaEAK',
        },
      },
    ]);
  });
});

describe('path tokens', () => {
  it('are the whole last path segment', async () => {
    for (const path of [`${OUTBOUND_PATH}/extra`, `${OUTBOUND_PATH.replace(PATH_TOKEN, '')}`]) {
      const { response } = await send(outboundRequest(TWO_CASES, { path }));
      expect(errorCode(response)).toBe('not_found');
    }
  });
});
