/**
 * The admin API `crmflow dev` serves beside the webhook edge, over real HTTP on the local stack,
 * through the client `crmflow failures --dev` uses: list, retry once, and the guards that keep it
 * to this machine and away from the edge's paths.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureAdmin } from '../../../lib/core/failures/failure-admin.ts';
import { retryExecutionName } from '../../../lib/core/failures/retry-name.ts';
import { devFailureAdmin } from '../../../lib/local/admin/failures-client.ts';
import { failuresRoutes } from '../../../lib/local/admin/failures-routes.ts';
import { ADMIN_PREFIX } from '../../../lib/local/admin/paths.ts';
import { startFailingStack, type FailingStack } from './failing-stack.ts';

let failing: FailingStack;
beforeEach(async () => {
  failing = await startFailingStack();
});
afterEach(async () => {
  await failing.stack.close();
});

const mount = () => {
  const { store, workflows } = failing.stack;
  failing.stack.edge.mountAdmin(ADMIN_PREFIX, failuresRoutes(failureAdmin({ store, workflows })));
};

/** A raw request, headers as given (fetch would not send a Host of our choosing). */
function send(method: string, path: string, headers: Record<string, string> = {}, body = '') {
  const url = new URL(path, failing.stack.edge.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A port nothing listens on: one just freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the failures admin API', () => {
  it('lists the failures and retries one exactly once', async () => {
    mount();
    const admin = devFailureAdmin(failing.stack.edge.url);
    const [failure, ...others] = await admin.list('open');
    expect(others).toEqual([]);
    expect(failure).toEqual((await failing.stack.store.listFailures())[0]);
    if (!failure) return;

    failing.heal();
    expect(await admin.retry({ ids: [failure.id, 'nope'] })).toEqual([
      {
        id: failure.id,
        at: failure.at,
        workflow: 'escalation',
        outcome: 'started',
        execution: retryExecutionName(failure),
      },
      { id: 'nope', outcome: 'not found' },
    ]);
    await failing.run(1);
    expect(await admin.retry({ allOpen: true })).toEqual([]);
    expect(await admin.retry({ ids: [failure.id] })).toEqual([{ id: failure.id, outcome: 'already retried' }]);
    await failing.run(24);
    expect(failing.tasks()).toBe(1);
    expect(await admin.list('open')).toEqual([]);
    expect(await admin.list()).toEqual([{ ...failure, state: 'retried' }]);
  });

  it('refuses requests a web page could make a browser send', async () => {
    mount();
    const evilHost = await send('GET', '/_crmflow/failures', { host: 'attacker.example:3000' });
    expect(evilHost.status).toBe(403);
    const form = await send('POST', '/_crmflow/failures/retry', { 'content-type': 'text/plain' }, '{"all":true}');
    expect(form.status).toBe(415);
    expect(await failing.stack.store.listFailures('open')).toHaveLength(1);
  });

  it('answers malformed requests with what to send', async () => {
    mount();
    const json = { 'content-type': 'application/json' };
    expect((await send('POST', '/_crmflow/failures/retry', json, '{"ids":[]}')).status).toBe(400);
    expect((await send('POST', '/_crmflow/failures/retry', json, '{"all":true,"ids":["x"]}')).status).toBe(400);
    expect((await send('POST', '/_crmflow/failures/retry', json, 'not json')).status).toBe(400);
    expect((await send('GET', '/_crmflow/failures?state=closed')).status).toBe(400);
    expect((await send('DELETE', '/_crmflow/failures')).status).toBe(405);
    expect((await send('GET', '/_crmflow/nothing')).status).toBe(404);
  });

  it('leaves every other path to the edge, as it answered before', async () => {
    const paths = ['/webhooks/salesforce/outbound/not-the-token', '/webhooks/nope', '/_crmflowx/failures'];
    const before = await Promise.all(paths.map((path) => send('POST', path, { 'content-type': 'text/xml' }, '<x/>')));
    const unmounted = await send('GET', '/_crmflow/failures');
    mount();
    const after = await Promise.all(paths.map((path) => send('POST', path, { 'content-type': 'text/xml' }, '<x/>')));
    expect(after).toEqual(before);
    expect(unmounted.status).toBe(404);
    expect((await send('GET', '/_crmflow/failures')).status).toBe(200);
  });

  it('tells the CLI plainly when nothing, or not crmflow dev, answers', async () => {
    const unmounted = devFailureAdmin(failing.stack.edge.url);
    await expect(unmounted.list()).rejects.toThrow(/does not serve crmflow's admin API/);
    const closed = await closedPort();
    const nobody = devFailureAdmin(`http://127.0.0.1:${closed}`);
    await expect(nobody.list()).rejects.toThrow(`nothing answers at http://127.0.0.1:${closed}: start crmflow dev`);
    expect(() => devFailureAdmin('localhost:3000')).toThrow(/not an http\(s\) URL|not a URL/);
  });
});
