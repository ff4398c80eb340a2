/**
 * Who may call the admin API of `crmflow dev`: a program on this machine. The server listens on
 * loopback already; this also refuses what a web page could make a browser send (a DNS-rebound
 * Host name), so no site visited meanwhile can list or retry failures.
 */
import type { IncomingMessage } from 'node:http';
import type { WebhookRequest, WebhookResponse } from '../../edge/types.ts';

const LOOPBACK_ADDRESS = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i;

export function guardAdmin(
  req: IncomingMessage,
  handle: (request: WebhookRequest) => Promise<WebhookResponse>,
): (request: WebhookRequest) => Promise<WebhookResponse> {
  if (!LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '')) return async () => refuse(404, 'not_found');
  if (!LOOPBACK_HOST.test(req.headers.host ?? '')) return async () => refuse(403, 'loopback_only');
  return handle;
}

function refuse(status: number, code: string): WebhookResponse {
  const message = status === 404 ? 'no such route' : 'the admin API answers only requests addressed to 127.0.0.1';
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: { code, message } }),
  };
}
