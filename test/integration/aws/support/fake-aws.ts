/**
 * A loopback HTTP server standing in for AWS services, for real SDK clients pointed at it with an
 * `endpoint` override and dummy credentials. It records each call (JSON-protocol target, or the Query
 * protocol's Action) and answers what the test's `answer` says.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { readBody, send } from '../../../../lib/local/emulator/http-io.ts';
import { listen } from '../../../../lib/local/emulator/listen.ts';

export interface AwsCall {
  /** `AmazonSQS.SendMessageBatch`, `AWSStepFunctions.StartExecution`, or `SendEmail` (Query protocol). */
  readonly operation: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  /** The JSON body (JSON protocols) or the form fields (Query protocol). */
  readonly body: Record<string, unknown>;
}

export interface AwsAnswer {
  readonly status?: number;
  /** An object is sent as JSON (application/x-amz-json-1.0), a string as XML. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export const DUMMY_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export async function startFakeAws(answer: (call: AwsCall, index: number) => AwsAnswer | Promise<AwsAnswer>) {
  const calls: AwsCall[] = [];
  const server = await listen((request, response) => {
    void (async () => {
      const raw = await readBody(request, 4 * 1024 * 1024);
      const text = raw === 'too-large' ? '' : raw.toString('utf8');
      const target = request.headers['x-amz-target'];
      const call: AwsCall =
        typeof target === 'string'
          ? { operation: target, headers: request.headers, raw: text, body: JSON.parse(text || '{}') }
          : queryCall(request.headers, text);
      calls.push(call);
      const reply = await answer(call, calls.length - 1);
      const json = typeof reply.body !== 'string';
      send(
        response,
        reply.status ?? 200,
        reply.body,
        json ? 'application/x-amz-json-1.0' : 'text/xml',
        reply.headers ?? {},
      );
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  return { endpoint: server.url, calls, close: () => server.close() };
}

function queryCall(headers: IncomingHttpHeaders, text: string): AwsCall {
  const body = Object.fromEntries(new URLSearchParams(text));
  return { operation: String(body.Action ?? ''), headers, raw: text, body };
}
