/**
 * Retries and recorded failures through the real workflow: a retryable CRM error is retried on the
 * virtual clock until it clears; a permanent one ends in a failure record an admin can find.
 */
import { describe, expect, it } from 'vitest';
import { fromIso } from '../../../lib/core/time/instant.ts';
import { VirtualClock } from '../../../lib/local/clock/index.ts';
import { SERVER_UNAVAILABLE, type FaultHook } from '../../../lib/local/emulator/salesforce/index.ts';
import { startLocalStack } from '../../../lib/local/stack.ts';
import { oneTierSalesforceConfig } from '../../support/one-tier-config.ts';

const start = fromIso('2026-12-02T09:00:00+02:00');
const CASE = '500000000000001AAA';
const config = oneTierSalesforceConfig();

async function escalateWith(faults: FaultHook) {
  const clock = new VirtualClock(start);
  const stack = await startLocalStack({ config, clock, salesforceFaults: faults });
  const org = stack.salesforce?.org;
  org?.seedOwner({ id: '005000000000001AAA', name: 'Aino Agent' });
  org?.seedOwner({ id: '005000000000002AAA', name: 'Sami Senior' });
  org?.apply({
    op: 'create',
    type: 'Case',
    id: CASE,
    fields: { Subject: 'VAT', Priority: 'High', Status: 'New', OwnerId: '005000000000001AAA' },
  });
  await clock.runUntil(start + 6 * 3600_000);
  return stack;
}

const caseUpdate = (request: { method: string; path: string }) =>
  request.method === 'PATCH' && request.path.includes(`/sobjects/Case/${CASE}`);

describe('when the CRM fails', () => {
  it('retries a retryable error in the adapter first, call by call', async () => {
    let failures = 3;
    let patches = 0;
    const stack = await escalateWith((request) => {
      if (!caseUpdate(request)) return undefined;
      patches++;
      return failures-- > 0 ? SERVER_UNAVAILABLE : undefined;
    });
    try {
      expect(stack.salesforce?.org.get('Case', CASE)?.['OwnerId']).toBe('005000000000002AAA');
      expect(stack.salesforce?.org.records('Task')).toHaveLength(1);
      expect(patches).toBeGreaterThanOrEqual(4);
      const execution = stack.workflows.executions().find((run) => run.workflow === 'escalation');
      expect(execution?.events.filter((event) => event.type === 'StateRetried')).toHaveLength(0);
    } finally {
      await stack.close();
    }
  });

  it('then the workflow retries the whole step on the clock, and escalates once the CRM is back', async () => {
    let failures = 7; // more than the adapter's five attempts
    const stack = await escalateWith((request) =>
      caseUpdate(request) && failures-- > 0 ? SERVER_UNAVAILABLE : undefined,
    );
    try {
      expect(stack.salesforce?.org.get('Case', CASE)?.['OwnerId']).toBe('005000000000002AAA');
      expect(stack.salesforce?.org.records('Task')).toHaveLength(1);
      expect(await stack.store.listFailures()).toEqual([]);
      const execution = stack.workflows.executions().find((run) => run.workflow === 'escalation');
      expect(execution?.events.filter((event) => event.type === 'StateRetried').length).toBeGreaterThanOrEqual(1);
    } finally {
      await stack.close();
    }
  });

  it('records a permanent failure where an admin finds it, and makes nothing', async () => {
    const forbidden = {
      status: 400,
      body: [
        {
          message: 'Owner ID: owner cannot be a deactivated user',
          errorCode: 'INACTIVE_OWNER_OR_USER',
          fields: ['OwnerId'],
        },
      ],
    };
    const stack = await escalateWith((request) => (caseUpdate(request) ? forbidden : undefined));
    try {
      const failures = await stack.store.listFailures();
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        workflow: 'escalation',
        ref: { crm: 'salesforce', kind: 'case', id: CASE },
        step: 'act',
        error: 'CrmPermanentError',
        state: 'open',
      });
      expect(failures[0]?.cause).toContain('INACTIVE_OWNER_OR_USER');
      expect(stack.salesforce?.org.records('Task')).toHaveLength(0);
      const execution = stack.workflows.executions().find((run) => run.workflow === 'escalation');
      expect(execution?.status).toBe('failed');
    } finally {
      await stack.close();
    }
  });
});
