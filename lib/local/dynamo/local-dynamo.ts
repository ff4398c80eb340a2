import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { createDocumentClient } from '../../aws/store/document-client.ts';
import { DEFAULT_TABLE_NAME } from '../../aws/store/table.ts';
import { deferred } from '../clock/deferred.ts';
import { InFlight } from '../clock/in-flight.ts';
import { assertUnlocked } from './assert-unlocked.ts';
import { ensureTable } from './ensure-table.ts';

export interface LocalDynamoOptions {
  /** Directory to persist in (the dev server passes `.crmflow/dynamo`); in memory when absent. */
  path?: string;
  tableName?: string;
}

export interface LocalDynamo {
  /** `http://127.0.0.1:<port>`: other processes (the AWS CLI, a second client) can reach it too. */
  readonly endpoint: string;
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Creates another table of the same design (tests use a fresh one each). */
  ensureTable(tableName: string): Promise<void>;
  /** Stops the client and the server and closes the database; nothing is left holding the process. */
  close(): Promise<void>;
}

/** DynamoDB without AWS: dynalite in this process, on a free port, with crmflow's table in it. */
export async function startLocalDynamo(options: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  if (options.path !== undefined) {
    await mkdir(options.path, { recursive: true });
    await assertUnlocked(options.path);
  }
  // Tables are ACTIVE at once: dynalite's default 500 ms CREATING state only slows start-up.
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const handling = countRequests(server);
  const endpoint = `http://127.0.0.1:${port}`;

  const raw = new DynamoDBClient({
    endpoint,
    region: 'local',
    // Dummies: dynalite does not check them, and the SDK must not go looking for real ones.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
  const close = closeOnce(raw, server, handling);
  try {
    await ensureTable(raw, tableName);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    endpoint,
    client: createDocumentClient(raw),
    tableName,
    ensureTable: (name) => ensureTable(raw, name),
    close,
  };
}

function closeOnce(raw: DynamoDBClient, server: Server, handling: InFlight): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      // The document client's destroy() is a no-op: the keep-alive sockets belong to the raw client.
      raw.destroy();
      // dynalite closes its database on close() and throws ("Database is closed") from a request
      // still being handled, killing the process: let those finish first (a few ms; capped).
      await Promise.race([handling.idle(), delay(HANDLING_GRACE_MS)]);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    })();
    return closing;
  };
}

const HANDLING_GRACE_MS = 2_000;

/** Requests dynalite is handling, from arrival until it answers (even to a client that has gone). */
function countRequests(server: Server): InFlight {
  const handling = new InFlight();
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
    const { promise, resolve } = deferred();
    void handling.track(promise);
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      resolve();
      return end(...args);
    }) as ServerResponse['end'];
  });
  return handling;
}
