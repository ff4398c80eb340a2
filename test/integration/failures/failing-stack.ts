/**
 * A local stack on a virtual clock whose Salesforce refuses to create tasks (a validation rule, as
 * an admin might add one) until healed: the escalation of one high case ends in a recorded failure.
 */
import { fromIso } from '../../../lib/core/time/instant.ts';
import { VirtualClock } from '../../../lib/local/clock/index.ts';
import type { FaultHook } from '../../../lib/local/emulator/salesforce/index.ts';
import { startLocalStack, type LocalStack } from '../../../lib/local/stack.ts';
import { oneTierSalesforceConfig } from '../../support/one-tier-config.ts';

export const START = fromIso('2026-12-02T09:00:00+02:00');
export const CASE = '500000000000001AAA';
const HOUR = 3600_000;

export interface FailingStack {
  readonly stack: LocalStack;
  readonly clock: VirtualClock;
  /** Salesforce accepts tasks again. */
  heal(): void;
  /** Runs the clock `hours` further (everything started meanwhile runs to its next wait or end). */
  run(hours: number): Promise<void>;
  tasks(): number;
}

export async function startFailingStack(): Promise<FailingStack> {
  const clock = new VirtualClock(START);
  let broken = true;
  const refuseTasks: FaultHook = (request) =>
    broken && request.method === 'POST' && request.path.includes('/sobjects/Task')
      ? {
          status: 400,
          body: [
            {
              message: 'A task needs a category (validation rule Task_Category_Required)',
              errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
              fields: [],
            },
          ],
        }
      : undefined;
  const stack = await startLocalStack({ config: oneTierSalesforceConfig(), clock, salesforceFaults: refuseTasks });
  const org = stack.salesforce?.org;
  if (!org) throw new Error('the config has Salesforce: the stack should have its emulator');
  org.seedOwner({ id: '005000000000001AAA', name: 'Aino Agent' });
  org.seedOwner({ id: '005000000000002AAA', name: 'Sami Senior' });
  org.apply({
    op: 'create',
    type: 'Case',
    id: CASE,
    fields: { Subject: 'VAT', Priority: 'High', Status: 'New', OwnerId: '005000000000001AAA' },
  });
  const failing: FailingStack = {
    stack,
    clock,
    heal: () => {
      broken = false;
    },
    run: (hours) => clock.runUntil(clock.now() + hours * HOUR),
    tasks: () => org.records('Task').length,
  };
  await failing.run(6); // the tier is due one open hour in; its task is refused
  return failing;
}
