/** The webhook Lambda as API Gateway (HTTP API, payload 2.0) invokes it, with the real middy and Powertools. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../../../functions/webhook/handler.ts';
import type { EdgeDeps } from '../../../lib/edge/index.ts';
import {
  MemoryQueue,
  OUTBOUND_PATH,
  calloutEvent,
  edgeDeps,
  signedRequest,
} from '../../unit/edge/support/edge-harness.ts';
import {
  HOST,
  THREE_EVENTS,
  WEBHOOKS_PATH,
  hubspotDeps,
  hubspotRequest,
} from '../../unit/edge/support/hubspot-requests.ts';
import { TWO_CASES } from '../../unit/edge/support/salesforce-messages.ts';

const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'crmflow-webhook',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:crmflow-webhook',
  memoryLimitInMB: '256',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/crmflow-webhook',
  logStreamName: '2026/12/02/[$LATEST]abc',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} satisfies Context;

function apiEvent(options: {
  path: string;
  body: string;
  base64?: boolean;
  headers?: Record<string, string>;
  method?: string;
  query?: string;
}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: options.path,
    rawQueryString: options.query ?? '',
    headers: options.headers ?? {},
    requestContext: {
      accountId: '123456789012',
      apiId: 'api1',
      domainName: 'hooks.example.com',
      domainPrefix: 'hooks',
      http: {
        method: options.method ?? 'POST',
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: 'Jakarta Commons-HttpClient/3.1',
      },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '02/Dec/2026:07:00:05 +0000',
      timeEpoch: 1796194805000,
    },
    body: options.base64 ? Buffer.from(options.body, 'utf8').toString('base64') : options.body,
    isBase64Encoded: options.base64 ?? false,
  };
}

const silent = () => new Logger({ serviceName: 'crmflow-webhook-test', logLevel: 'SILENT' });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the webhook Lambda', () => {
  it('acknowledges a base64-encoded Outbound Message after queueing its events', async () => {
    const queue = new MemoryQueue();
    const handler = createHandler(edgeDeps({ queue }), { logger: silent() });
    const result = await handler(
      apiEvent({
        path: OUTBOUND_PATH,
        body: TWO_CASES,
        base64: true,
        headers: { 'content-type': 'text/xml; charset=utf-8' },
      }),
      context,
    );
    expect(result).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
    expect(result.body).toContain('<Ack>true</Ack>');
    expect(queue.events).toHaveLength(2);
  });

  it('verifies a signed callout over the exact bytes, whatever the header case', async () => {
    const queue = new MemoryQueue();
    const handler = createHandler(edgeDeps({ queue }), { logger: silent() });
    const signed = signedRequest(JSON.stringify({ events: [calloutEvent()] }));
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [
        name.replace(/(^|-)\w/g, (c) => c.toUpperCase()),
        value ?? '',
      ]),
    );
    const result = await handler(
      apiEvent({ path: signed.path, body: signed.rawBody.toString('utf8'), headers }),
      context,
    );
    expect(result.statusCode).toBe(202);
    expect(queue.events.map((event) => event.id)).toEqual(['a0B5g00000EvT01-1']);
  });

  it('verifies a HubSpot batch over the URL API Gateway was called at, query included', async () => {
    const queue = new MemoryQueue();
    const handler = createHandler(hubspotDeps({ queue }), { logger: silent() });
    const signed = hubspotRequest(THREE_EVENTS, { query: 'tenant=acme&at=%40x' });
    const headers = Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name, value ?? '']));
    const result = await handler(
      apiEvent({ path: WEBHOOKS_PATH, query: 'tenant=acme&at=%40x', body: THREE_EVENTS, base64: true, headers }),
      context,
    );
    expect(result).toMatchObject({ statusCode: 200, body: '' });
    expect(queue.events.map((event) => event.id)).toEqual(['hubspot:101', 'hubspot:102', 'hubspot:103']);

    const elsewhere = await handler(
      apiEvent({ path: WEBHOOKS_PATH, query: 'tenant=other', body: THREE_EVENTS, headers: { ...headers, host: HOST } }),
      context,
    );
    expect(elsewhere.headers?.['x-crmflow-error']).toBe('bad_signature');
    expect(queue.events).toHaveLength(3);
  });

  it('answers a refusal with its code and logs it through Powertools, without the path token', async () => {
    // In dev mode Powertools writes through the global console, where the test can read it.
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    const lines: string[] = [];
    for (const level of ['info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((line: unknown) => void lines.push(String(line)));
    }
    const handler = createHandler(edgeDeps(), { logger: new Logger({ serviceName: 'crmflow-webhook-test' }) });
    const result = await handler(
      apiEvent({ path: OUTBOUND_PATH, body: '<x/>', headers: { 'content-type': 'text/plain' } }),
      context,
    );

    expect(result.statusCode).toBe(415);
    expect(result.headers?.['x-crmflow-error']).toBe('unsupported_media_type');
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'WARN',
        message: 'webhook refused',
        code: 'unsupported_media_type',
        route: 'salesforce.outbound',
        function_request_id: context.awsRequestId,
      }),
    ]);
    expect(lines.join('')).not.toContain(OUTBOUND_PATH.split('/').at(-1));
  });

  it('builds its dependencies once, and again after a failed build', async () => {
    let builds = 0;
    const factory = (): Promise<EdgeDeps> => {
      builds += 1;
      return builds === 1 ? Promise.reject(new Error('Secrets Manager throttled')) : Promise.resolve(edgeDeps());
    };
    const handler = createHandler(factory, { logger: silent() });
    const event = () => apiEvent({ path: '/webhooks/salesforce/events', body: '{}', method: 'GET' });
    await expect(handler(event(), context)).rejects.toThrow('Secrets Manager throttled');
    expect((await handler(event(), context)).statusCode).toBe(405);
    expect((await handler(event(), context)).statusCode).toBe(405);
    expect(builds).toBe(2);
  });
});
