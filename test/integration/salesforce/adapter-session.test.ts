/**
 * Expired sessions end to end: the emulator ends every session (as a 401 fault does in a scenario),
 * and the adapter renews it through the emulator's OAuth token endpoint with the refresh-token grant
 * — the same code that talks to login.salesforce.com in the cloud.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/core/ports/crm.ts';
import { refreshGrant } from '../../../lib/crm/salesforce/oauth.ts';
import { adapterFor, AINO, MAIJA, startFixture, type Fixture } from './support/org-fixture.ts';

describe('Salesforce session renewal through the emulated token endpoint', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0)) await close();
  });
  async function org(): Promise<Fixture> {
    const fx = await startFixture();
    cleanup.push(() => fx.close());
    return fx;
  }

  it('a call refused for an expired session is renewed once and carries on, for calls in flight too', async () => {
    const fx = await org();
    let refreshes = 0;
    const crm = adapterFor(fx, {
      refreshAccessToken: () => (refreshes++, refreshGrant(fx.emulator.url, fx.emulator.oauth)),
    });
    expect((await crm.owner(AINO))?.name).toBe('Aino Agent');
    fx.emulator.expireSessions();
    const answers = await Promise.all([crm.owner(AINO), crm.contact(MAIJA), crm.owner(AINO)]);
    expect(answers.map((answer) => answer?.name)).toEqual(['Aino Agent', 'Maija Virtanen', 'Aino Agent']);
    expect(refreshes).toBeGreaterThanOrEqual(1);
    expect(refreshes).toBeLessThanOrEqual(3);
    const renewed = fx.emulator.accessToken;
    expect(renewed).not.toBe('crmflow-emulator-token');
    // The renewed session keeps working without another refresh.
    const before = refreshes;
    expect(await crm.contact(MAIJA)).toBeDefined();
    expect(refreshes).toBe(before);
  });

  it('a refresh token the org refuses is a permanent error that names the grant, never the token', async () => {
    const fx = await org();
    const wrong = { ...fx.emulator.oauth, refreshToken: 'revoked-refresh-token' };
    const error = await refreshGrant(fx.emulator.url, wrong).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code: 'OAUTH_INVALID_GRANT', retryable: false });
    expect((error as Error).message).not.toContain('revoked-refresh-token');
    const badClient = await refreshGrant(fx.emulator.url, { ...fx.emulator.oauth, clientSecret: 'x' }).catch(
      (thrown: unknown) => thrown,
    );
    expect(badClient).toMatchObject({ code: 'OAUTH_INVALID_CLIENT', retryable: false });
  });

  it('a failed renewal reaches the caller as the token endpoint explained it', async () => {
    const fx = await org();
    const crm = adapterFor(fx, {
      refreshAccessToken: () => refreshGrant(fx.emulator.url, { ...fx.emulator.oauth, refreshToken: 'revoked' }),
    });
    fx.emulator.expireSessions();
    const error = await crm.owner(AINO).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'OAUTH_INVALID_GRANT', retryable: false });
    expect((error as Error).message).toMatch(/expired access\/refresh token/);
  });
});
