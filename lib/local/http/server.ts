/**
 * The local HTTP server: the same webhook edge the cloud runs behind API Gateway, on one port. Each
 * request is work in flight on the local clock, so a virtual clock waits for it. `crmflow dev` mounts
 * its admin API beside the edge (mountAdmin): paths under the admin prefix never reach the edge.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequest, WebhookResponse } from '../../edge/types.ts';
import type { LocalClock } from '../clock/local-clock.ts';
import { guardAdmin } from './admin-guard.ts';

export type LocalHandler = (request: WebhookRequest) => Promise<WebhookResponse>;

export interface LocalHttpServer {
  readonly url: string;
  readonly server: Server;
  /**
   * Serves `prefix` and the paths under it with `handle` instead of the edge, to callers on this
   * machine only (admin-guard.ts). Every other path reaches the edge as before.
   */
  mountAdmin(prefix: string, handle: LocalHandler): void;
  close(): Promise<void>;
}

/** Bodies past this are cut off unread: the edge answers 413 from the first bytes over its own limit. */
const READ_LIMIT = 2 * 1024 * 1024;

export async function startLocalHttpServer(options: {
  readonly clock: LocalClock;
  readonly handle: LocalHandler;
  readonly port?: number;
  readonly host?: string;
}): Promise<LocalHttpServer> {
  const { clock, handle, port = 0, host = '127.0.0.1' } = options;
  const admin = new Map<string, LocalHandler>();
  const route = (req: IncomingMessage): LocalHandler => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    for (const [prefix, adminHandle] of admin) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return guardAdmin(req, adminHandle);
    }
    return handle;
  };
  const server = createServer((req, res) => {
    const respond = route(req);
    void clock.track(
      (async () => {
        const response = await readBody(req).then(
          (rawBody) => respond({ method: req.method ?? 'GET', path: req.url ?? '/', headers: lowerCase(req), rawBody }),
          () => ({
            status: 400,
            headers: { 'content-type': 'application/json' },
            body: '{"error":{"code":"bad_request","message":"the request body could not be read"}}',
          }),
        );
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      })().catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"internal_error","message":"see the server log"}}');
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    server,
    mountAdmin: (prefix, adminHandle) => {
      admin.set(prefix.replace(/\/+$/, ''), adminHandle);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > READ_LIMIT) return; // keep draining, stop keeping
      size += chunk.length;
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lowerCase(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
