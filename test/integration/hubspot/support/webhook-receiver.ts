import { readBody } from '../../../../lib/local/emulator/http-io.ts';
import { listen } from '../../../../lib/local/emulator/listen.ts';
import type { WebhookEvent } from '../../../../lib/local/emulator/hubspot/index.ts';

export interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly method: string;
  /** The body exactly as it arrived: what the signature covers. */
  readonly raw: string;
  readonly events: WebhookEvent[];
}

/** An HTTP endpoint that records HubSpot webhook requests and answers each with `status(index)`. */
export async function startWebhookReceiver(status: (index: number, received: Received) => number = () => 204) {
  const received: Received[] = [];
  const server = await listen((request, response) => {
    void (async () => {
      const body = await readBody(request, 1024 * 1024);
      const raw = body === 'too-large' ? '' : body.toString('utf8');
      const item: Received = {
        headers: request.headers,
        method: request.method ?? '',
        raw,
        events: JSON.parse(raw) as WebhookEvent[],
      };
      received.push(item);
      response.writeHead(status(received.length - 1, item)).end();
    })();
  });
  return { url: `${server.url}/webhooks/hubspot`, received, close: () => server.close() };
}
