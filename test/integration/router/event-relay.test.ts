/**
 * Salesforce Event Relay: a Change Data Capture event that EventBridge put on the router's queue
 * starts the same escalation an Outbound Message would — the router reads the case from the CRM.
 */
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createRouterHandler } from '../../../functions/router/handler.ts';
import { fromIso } from '../../../lib/core/time/instant.ts';
import { eventRelayEvents } from '../../../lib/crm/salesforce/event-relay/change-events.ts';
import { VirtualClock } from '../../../lib/local/clock/index.ts';
import { startLocalStack } from '../../../lib/local/stack.ts';
import { oneTierSalesforceConfig } from '../../support/one-tier-config.ts';

const start = fromIso('2026-12-02T09:00:00+02:00');
const CASE = '500000000000001AAA';

/** A Change Data Capture event as EventBridge delivers it from a Salesforce partner event bus. */
function relayed(changeType: string, entityName = 'Case', recordIds = [CASE]) {
  return {
    version: '0',
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    'detail-type': 'CaseChangeEvent',
    source: 'aws.partner/salesforce.com/00D000000000001AAA/0YLxx0000000001',
    account: '123456789012',
    time: '2026-12-02T07:00:00Z',
    region: 'eu-north-1',
    resources: [],
    detail: {
      payload: {
        ChangeEventHeader: {
          entityName,
          recordIds,
          changeType,
          changedFields: ['Status'],
          commitTimestamp: start,
          transactionKey: 'tx1',
          sequenceNumber: 1,
          commitUser: '005000000000001AAA',
          commitNumber: 1,
        },
        Status: 'New',
      },
      schemaId: 'schema-1',
      event: { replayId: '12345' },
    },
  };
}

describe('Salesforce Event Relay', () => {
  it('maps a change event to one partial CrmEvent per record, and ignores objects crmflow does not follow', () => {
    const events = eventRelayEvents(relayed('UPDATE', 'Case', [CASE, '500000000000002AAA']), start);
    expect(events.map((event) => [event.id, event.kind, event.recordId, event.change, event.complete])).toEqual([
      ['salesforce:relay:12345:500000000000001AAA', 'case', CASE, 'updated', false],
      ['salesforce:relay:12345:500000000000002AAA', 'case', '500000000000002AAA', 'updated', false],
    ]);
    expect(eventRelayEvents(relayed('UPDATE', 'Account'), start)).toEqual([]);
    expect(() => eventRelayEvents({ ...relayed('UPDATE'), detail: { payload: {} } }, start)).toThrow(
      /ChangeEventHeader/,
    );
  });

  it('starts the escalation through the router, reading the case from the CRM', async () => {
    const config = oneTierSalesforceConfig();
    const clock = new VirtualClock(start);
    const stack = await startLocalStack({ config, clock });
    try {
      stack.salesforce?.org.seedOwner({ id: '005000000000002AAA', name: 'Sami Senior' });
      stack.salesforce?.org.seed({
        type: 'Case',
        id: CASE,
        fields: { Subject: 'VAT', Priority: 'High', Status: 'New' },
      });
      const batch = {
        Records: [
          { messageId: 'm1', body: JSON.stringify(relayed('CREATE')), attributes: { ApproximateReceiveCount: '1' } },
        ],
      } as unknown as SQSEvent;
      const handler = createRouterHandler(stack.router);
      expect(await handler(batch, {} as never)).toEqual({ batchItemFailures: [] });
      await clock.runUntil(start + 2 * 3600_000);
      expect(stack.salesforce?.org.get('Case', CASE)?.['OwnerId']).toBe('005000000000002AAA');
      const junk = {
        Records: [
          { messageId: 'm2', body: '{"detail-type":"x","detail":{}}', attributes: { ApproximateReceiveCount: '1' } },
        ],
      } as unknown as SQSEvent;
      expect(await handler(junk, {} as never)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    } finally {
      await stack.close();
    }
  });
});
