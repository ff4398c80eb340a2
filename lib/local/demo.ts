/**
 * The demo `crmflow dev` plays: a small org (the config's targets as users and queues, an agent, a
 * customer) and two cases — an urgent one on the round-the-clock policy that escalates within
 * seconds, and a high one on business hours.
 */
import type { Config } from '../core/config/index.ts';
import type { SalesforceEmulator } from './emulator/salesforce/index.ts';

export const DEMO_AGENT = '005000000000001AAA';
export const DEMO_CONTACT = '003000000000001AAA';

export function seedDemoOrg(salesforce: SalesforceEmulator, config: Config): void {
  const org = salesforce.org;
  org.seedOwner({ id: DEMO_AGENT, name: 'Aino Agent', email: 'aino@example.com' });
  for (const [name, target] of Object.entries(config.targets ?? {})) {
    if (!target.salesforce || org.locate(target.salesforce)) continue;
    const kind = target.salesforce.startsWith('00G') ? ('queue' as const) : ('user' as const);
    org.seedOwner({ id: target.salesforce, name: title(name), kind, ...(target.email ? { email: target.email } : {}) });
  }
  org.seed({
    type: 'Contact',
    id: DEMO_CONTACT,
    fields: { FirstName: 'Maija', LastName: 'Virtanen', Email: 'maija@example.com', Phone: '+358401234567' },
  });
}

/** Cases as an agent would log them; each creation fires an Outbound Message like a real org. */
export function playDemo(salesforce: SalesforceEmulator): void {
  const common = { Status: 'New', Origin: 'Phone', OwnerId: DEMO_AGENT, ContactId: DEMO_CONTACT };
  salesforce.org.apply({
    op: 'create',
    type: 'Case',
    fields: { ...common, Subject: 'Checkout is down for all customers', Priority: 'Urgent' },
  });
  salesforce.org.apply({
    op: 'create',
    type: 'Case',
    fields: { ...common, Subject: 'Invoice shows wrong VAT', Priority: 'High' },
  });
}

function title(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
