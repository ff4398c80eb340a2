import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** `http://127.0.0.1:<port>`, no trailing slash (jsforce builds wrong URLs with one). */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts a loopback HTTP server; `port` 0 picks a free one. */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  options: { readonly host?: string; readonly port?: number } = {},
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // undici (jsforce, fetch) keeps connections alive: without this close() waits for their timeout.
        server.closeAllConnections();
      }),
  };
}
