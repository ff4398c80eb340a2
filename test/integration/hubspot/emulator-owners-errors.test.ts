import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVICE_UNAVAILABLE, rateLimited, type FaultHook } from '../../../lib/local/emulator/hubspot/index.ts';
import { AINO, VILLE, apiError, startFixture, type Fixture } from './support/portal-fixture.ts';

/** Owners, and what the real client throws for HubSpot's error answers. */
describe('HubSpot emulator: owners and errors', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0)) await close();
  });

  async function fixture(faults?: FaultHook): Promise<Fixture> {
    const fx = await startFixture(faults ? { faults } : {});
    cleanup.push(() => fx.close());
    return fx;
  }

  it('answers owners by owner id or user id, and pages them, optionally by e-mail', async () => {
    const fx = await fixture();
    const owners = fx.client.crm.owners.ownersApi;
    const aino = await owners.getById(Number(AINO));
    expect(aino).toMatchObject({
      id: AINO,
      email: 'aino@example.com',
      firstName: 'Aino',
      lastName: 'Agent',
      type: 'PERSON',
      archived: false,
      teams: [],
    });
    expect((await owners.getById(aino.userId as number, 'userId')).id).toBe(AINO);
    const page = await owners.getPage(undefined, undefined, 2);
    expect(page.results.map((owner) => owner.id)).toEqual(['101', '102']);
    const rest = await owners.getPage(undefined, page.paging?.next?.after, 2);
    expect(rest.results.map((owner) => owner.id)).toEqual([VILLE]);
    const byEmail = await owners.getPage('Supervisor@Example.com');
    expect(byEmail.results.map((owner) => owner.id)).toEqual([VILLE]);
    expect((await apiError(owners.getById(999))).code).toBe(404);
  });

  it('keeps archived owners apart', async () => {
    const fx = await fixture();
    fx.emulator.portal.seedOwner({ id: '110', name: 'Left Company', archived: true });
    const owners = fx.client.crm.owners.ownersApi;
    expect((await apiError(owners.getById(110))).code).toBe(404);
    expect((await owners.getById(110, 'id', true)).archived).toBe(true);
  });

  it('refuses a wrong bearer token with 401 INVALID_AUTHENTICATION, and takes a rotated one', async () => {
    const fx = await fixture();
    const stranger = new Client({ accessToken: 'wrong', basePath: fx.emulator.url, numberOfApiCallRetries: 0 });
    const error = await apiError(stranger.crm.owners.ownersApi.getById(Number(AINO)));
    expect(error.code).toBe(401);
    expect(error.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    fx.emulator.setAccessToken('rotated');
    expect((await apiError(fx.client.crm.owners.ownersApi.getById(Number(AINO)))).code).toBe(401);
  });

  it('answers 429 with HubSpot’s rate limit body and headers', async () => {
    const fx = await fixture(() => rateLimited('TEN_SECONDLY_ROLLING'));
    const error = await apiError(fx.client.crm.tickets.basicApi.getById('1'));
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      category: 'RATE_LIMITS',
    });
    expect(error.headers['x-hubspot-ratelimit-remaining']).toBe('0');
  });

  it('answers 503 when a fault says so, and performs a write before a crash answers 502', async () => {
    let crash = false;
    const fx = await fixture((request) =>
      crash && request.method === 'POST'
        ? 'crash-after-write'
        : request.path.endsWith('/503')
          ? SERVICE_UNAVAILABLE
          : undefined,
    );
    expect((await apiError(fx.client.crm.tickets.basicApi.getById('503'))).code).toBe(503);
    crash = true;
    const error = await apiError(fx.client.crm.tickets.basicApi.create({ properties: { subject: 'Lost answer' } }));
    expect(error.code).toBe(502);
    expect(fx.emulator.portal.records('tickets').map((t) => t.properties.subject)).toEqual(['Lost answer']);
  });

  it('makes the client throw a bare Error, status lost, for an empty JSON error answer', async () => {
    const fx = await fixture(() => ({ status: 503, body: '' }));
    const error = await fx.client.crm.tickets.basicApi.getById('1').catch((thrown: unknown) => thrown);
    expect((error as { code?: unknown }).code).toBeUndefined();
    expect(error).toBeInstanceOf(SyntaxError);
  });

  it('gives a text/html error answer to the client as an ApiException with the page as its body', async () => {
    const fx = await fixture(() => ({
      status: 502,
      body: '<html>Bad gateway</html>',
      headers: { 'content-type': 'text/html' },
    }));
    const error = await apiError(fx.client.crm.tickets.basicApi.getById('1'));
    expect(error).toMatchObject({ code: 502, body: '<html>Bad gateway</html>' });
  });

  it('gives the fault hook the request it judges', async () => {
    const seen: unknown[] = [];
    const fx = await fixture((request) => {
      seen.push(request);
      return undefined;
    });
    await fx.client.crm.tickets.basicApi.create({ properties: { subject: 'Seen' } });
    expect(seen).toEqual([
      { method: 'POST', path: '/crm/v3/objects/tickets', query: '', body: { properties: { subject: 'Seen' } } },
    ]);
  });
});
