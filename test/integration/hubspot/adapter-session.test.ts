/**
 * Expired access tokens end to end: the emulator ends every session (as a 401 fault does in a
 * scenario), and the adapter renews it through the emulator's OAuth token endpoint with the client's
 * own tokens API — the same code that talks to api.hubapi.com in the cloud.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/core/ports/crm.ts';
import type { HubSpotCrm } from '../../../lib/crm/hubspot/index.ts';
import { refreshGrant } from '../../../lib/crm/hubspot/oauth.ts';
import { AINO, MAIJA, adapterFor, startFixture, type Fixture } from './support/portal-fixture.ts';

describe('HubSpot token renewal through the emulated token endpoint', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });
  async function portal(): Promise<Fixture> {
    const fx = await startFixture();
    cleanup.push(() => fx.close());
    return fx;
  }
  function adapter(fx: Fixture, refresh: () => Promise<string>): HubSpotCrm {
    const crm = adapterFor(fx, { refreshAccessToken: refresh });
    cleanup.push(() => crm.close());
    return crm;
  }

  it('calls refused for an expired token share one renewal and carry on', async () => {
    const fx = await portal();
    let refreshes = 0;
    const crm = adapter(fx, () => (refreshes++, refreshGrant(fx.emulator.oauth, fx.emulator.url)));
    expect((await crm.owner(AINO))?.name).toBe('Aino Agent');
    fx.emulator.expireSessions();
    const answers = await Promise.all([crm.owner(AINO), crm.contact(MAIJA), crm.owner(AINO)]);
    expect(answers.every((answer) => answer !== undefined)).toBe(true);
    expect(refreshes).toBe(1);
    expect(fx.emulator.accessToken).not.toBe('crmflow-emulator-token');
    expect(await crm.contact(MAIJA)).toBeDefined();
    expect(refreshes).toBe(1);
    // It expires again later: one more renewal.
    fx.emulator.expireSessions();
    expect(await crm.owner(AINO)).toBeDefined();
    expect(refreshes).toBe(2);
  });

  it('a token refused even after renewal is retryable, and the next call renews again', async () => {
    const fx = await portal();
    let refreshes = 0;
    const crm = adapter(fx, async () => (refreshes++, 'never-valid'));
    fx.emulator.expireSessions();
    expect(await crm.owner(AINO).catch((thrown: unknown) => thrown)).toMatchObject({
      code: 'INVALID_AUTHENTICATION',
      retryable: true,
    });
    await crm.owner(AINO).catch(() => undefined);
    expect(refreshes).toBe(2);
  });

  it('without a refresh a 401 stays a permanent error', async () => {
    const fx = await portal();
    const crm = adapterFor(fx);
    cleanup.push(() => crm.close());
    fx.emulator.expireSessions();
    expect(await crm.owner(AINO).catch((thrown: unknown) => thrown)).toMatchObject({
      code: 'INVALID_AUTHENTICATION',
      retryable: false,
    });
  });

  it('a refused refresh token is a permanent error named by HubSpot, never quoting the token', async () => {
    const fx = await portal();
    const error = await refreshGrant({ ...fx.emulator.oauth, refreshToken: 'revoked-refresh' }, fx.emulator.url).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code: 'BAD_REFRESH_TOKEN', retryable: false });
    expect((error as Error).message).not.toContain('revoked-refresh');
    const crm = adapter(fx, () => refreshGrant({ ...fx.emulator.oauth, clientId: 'someone-else' }, fx.emulator.url));
    fx.emulator.expireSessions();
    const failed = await crm.owner(AINO).catch((thrown: unknown) => thrown);
    expect(failed).toMatchObject({ code: 'BAD_CLIENT_ID', retryable: false });
    expect((failed as Error).message).toMatch(/^Refreshing the HubSpot access token failed/);
  });
});
