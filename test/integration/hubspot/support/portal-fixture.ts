import { Client } from '@hubspot/api-client';
import { HubSpotCrm, type HubSpotCrmOptions } from '../../../../lib/crm/hubspot/index.ts';
import {
  startHubSpotEmulator,
  type HubSpotEmulator,
  type HubSpotEmulatorOptions,
} from '../../../../lib/local/emulator/hubspot/index.ts';
import { ManualClock } from '../../salesforce/support/manual-clock.ts';

export const PORTAL_ID = '1234567';
export const CLIENT_SECRET = 'app-client-secret-for-tests';
export const START = '2026-11-30T07:00:00.000Z';

// The people of shared/scenarios/hs-follow-up-calls.yaml.
export const AINO = '101';
export const EERO = '102';
export const VILLE = '109';
export const MAIJA = '501';
export const JUHA = '502';

export interface Fixture {
  readonly clock: ManualClock;
  readonly emulator: HubSpotEmulator;
  /** The real @hubspot/api-client, as any app would use it, with its own retries off. */
  readonly client: Client;
  close(): Promise<void>;
}

/** An emulated portal with the owners and contacts of the scenarios, and a client for it. */
export async function startFixture(options: Partial<HubSpotEmulatorOptions> = {}): Promise<Fixture> {
  const clock = new ManualClock(START);
  // Webhook retries sleep on the test's clock; deliveries are tracked on it, as on the local clock.
  const emulator = await startHubSpotEmulator({
    clock,
    portalId: PORTAL_ID,
    clientSecret: CLIENT_SECRET,
    sleepUntil: clock.sleepUntil,
    track: clock.track,
    ...options,
  });
  const { portal } = emulator;
  portal.seedOwner({ id: AINO, name: 'Aino Agent', email: 'aino@example.com' });
  portal.seedOwner({ id: EERO, name: 'Eero Agent', email: 'eero@example.com' });
  portal.seedOwner({ id: VILLE, name: 'Ville Supervisor', email: 'supervisor@example.com' });
  portal.seed({
    type: 'contacts',
    id: MAIJA,
    fields: { firstname: 'Maija', lastname: 'Virtanen', email: 'maija@example.com', phone: '+358401234567' },
  });
  portal.seed({
    type: 'contacts',
    id: JUHA,
    fields: { firstname: 'Juha', lastname: 'Korhonen', email: 'juha@example.com', do_not_call: true },
  });
  const client = new Client({ accessToken: emulator.accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
  return { clock, emulator, client, close: () => emulator.close() };
}

/** What the client threw: its ApiException carries the HTTP status as `code` and the parsed body. */
export async function apiError(call: Promise<unknown>): Promise<{ code: number; body: any; headers: any }> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (typeof (error as { code?: unknown } | undefined)?.code !== 'number') {
    throw new Error(`expected an ApiException, got ${String(error)}`);
  }
  return error as { code: number; body: any; headers: any };
}

/** The adapter on the fixture's portal, timestamping on its clock; closed with the fixture's cleanup by the caller. */
export function adapterFor(fx: Fixture, options: Partial<HubSpotCrmOptions> = {}): HubSpotCrm {
  return new HubSpotCrm({
    accessToken: fx.emulator.accessToken,
    basePath: fx.emulator.url,
    clock: fx.clock,
    ...options,
  });
}
