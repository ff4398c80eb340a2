/**
 * Where a new HubSpot access token comes from in the cloud: the OAuth refresh-token grant (against
 * the emulator's token endpoint here) when the secret holds an OAuth app, else the secret read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotRefresh } from '../../../lib/aws/hubspot-session.ts';
import { hubspotSecretSchema, type HubSpotSecret } from '../../../lib/aws/secret-schemas.ts';
import { CrmError } from '../../../lib/core/ports/crm.ts';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../lib/local/emulator/hubspot/index.ts';

let emulator: HubSpotEmulator;
beforeAll(async () => {
  emulator = await startHubSpotEmulator({ clock: { now: () => 0 }, portalId: '1234567', clientSecret: 'x'.repeat(32) });
});
afterAll(() => emulator.close());

const noReread = () => Promise.reject(new Error('the secret should not be read again'));

describe('hubspotRefresh with an OAuth app in the secret', () => {
  it('renews through the token endpoint, and the new token opens the API', async () => {
    const secret: HubSpotSecret = { accessToken: 'expired', ...emulator.oauth };
    emulator.expireSessions();
    const token = await hubspotRefresh(secret, noReread, emulator.url)();
    expect(token).toBe(emulator.accessToken);
    const answer = await fetch(`${emulator.url}/crm/v3/owners/`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
  });

  it('a revoked refresh token is permanent, and the error quotes no credential', async () => {
    const secret: HubSpotSecret = { accessToken: 'expired', ...emulator.oauth, refreshToken: 'revoked-rt' };
    const error = await hubspotRefresh(secret, noReread, emulator.url)().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code: 'BAD_REFRESH_TOKEN', retryable: false });
    expect((error as Error).message).not.toMatch(/revoked-rt|crmflow-emulator-client-secret/);
  });
});

describe('hubspotRefresh with a private app token', () => {
  it('takes a rotated token from the secret, and refuses when it holds none newer', async () => {
    let stored: HubSpotSecret = { accessToken: 'pat-rotated' };
    const refresh = hubspotRefresh({ accessToken: 'pat-old' }, async () => stored);
    expect(await refresh()).toBe('pat-rotated');
    await expect(refresh()).rejects.toMatchObject({ code: 'INVALID_AUTHENTICATION', retryable: false });
    stored = { accessToken: 'pat-again' };
    expect(await refresh()).toBe('pat-again');
  });
});

describe('the HubSpot secret', () => {
  it('takes the OAuth keys all together or not at all', () => {
    expect(hubspotSecretSchema.safeParse({ accessToken: 't' }).success).toBe(true);
    expect(hubspotSecretSchema.safeParse({ accessToken: 't', ...emulator.oauth }).success).toBe(true);
    const partial = hubspotSecretSchema.safeParse({ accessToken: 't', refreshToken: 'r' });
    expect(partial.success).toBe(false);
    expect(partial.error?.issues[0]?.message).toMatch(/go together/);
  });
});
