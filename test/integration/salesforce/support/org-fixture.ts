import { Connection } from 'jsforce';
import { SalesforceCrm, type SalesforceCrmOptions } from '../../../../lib/crm/salesforce/index.ts';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../../../../lib/local/emulator/salesforce/index.ts';
import { ManualClock } from './manual-clock.ts';

export const ORG_ID = '00D000000000001AAA';
export const START = '2026-12-02T07:00:00.000Z';

export const AINO = '005000000000001AAA';
export const SAMI = '005000000000002AAA';
export const QUEUE = '00G000000000001AAA';
export const MAIJA = '003000000000001AAA';
export const JUHA = '003000000000002AAA';

export interface Fixture {
  readonly clock: ManualClock;
  readonly emulator: SalesforceEmulator;
  /** Plain jsforce, as any client would use it. */
  readonly conn: Connection;
  close(): Promise<void>;
}

/** An emulated org with the people of the scenarios, and a jsforce connection to it. */
export async function startFixture(options: Partial<SalesforceEmulatorOptions> = {}): Promise<Fixture> {
  const clock = new ManualClock(START);
  // Outbound retries sleep on the test's clock; deliveries are tracked on it, as on the local clock.
  const emulator = await startSalesforceEmulator({
    clock,
    orgId: ORG_ID,
    sleepUntil: clock.sleepUntil,
    track: clock.track,
    ...options,
  });
  const { org } = emulator;
  org.seedOwner({ id: AINO, name: 'Aino Agent', email: 'aino@example.com' });
  org.seedOwner({ id: SAMI, name: 'Sami Senior', email: 'sami@example.com' });
  org.seedOwner({ id: QUEUE, name: 'Senior Reps', email: 'senior-reps@example.com', kind: 'queue' });
  org.seed({
    type: 'Contact',
    id: MAIJA,
    fields: { FirstName: 'Maija', LastName: 'Virtanen', Email: 'maija@example.com' },
  });
  org.seed({ type: 'Contact', id: JUHA, fields: { FirstName: 'Juha', LastName: 'Korhonen', DoNotCall: true } });
  const conn = new Connection({ instanceUrl: emulator.url, accessToken: emulator.accessToken, version: '62.0' });
  return { clock, emulator, conn, close: () => emulator.close() };
}

export function adapterFor(fixture: Fixture, options: Partial<SalesforceCrmOptions> = {}): SalesforceCrm {
  return new SalesforceCrm({
    instanceUrl: fixture.emulator.url,
    accessToken: fixture.emulator.accessToken,
    timezone: 'Europe/Helsinki',
    ...options,
  });
}
