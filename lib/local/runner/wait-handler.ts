/** The handler behind a rewritten Wait: park the execution on crmflow's clock until the wait is due. */
import type { Instant } from '../../core/time/instant.ts';
import { StatesRuntime } from './errors.ts';
import type { ExecutionScope } from './execution-scope.ts';
import type { VirtualWaitInput } from './rewrite-wait.ts';

// The engine's own check for Timestamp/TimestampPath (RFC 3339 with a zone).
const RFC3339 =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function waitHandler(scope: ExecutionScope, stateName: string): (input: unknown) => Promise<unknown> {
  return async (input) => {
    const log = scope.invocation(stateName);
    const { payload, wait } = input as VirtualWaitInput;
    const until = dueOf(wait, scope.clock.now(), stateName);
    log({ type: 'WaitScheduled', stateType: 'Wait', until });
    await scope.activity.park(scope.clock.sleepUntil(until, `${scope.name}: ${stateName}`, scope.signal));
    return payload;
  };
}

/** As Step Functions reads a Wait: whole seconds ≥ 0 from now, or an RFC 3339 timestamp (a past one: no wait). */
export function dueOf(wait: VirtualWaitInput['wait'], now: Instant, stateName: string): Instant {
  if ('seconds' in wait) {
    const { seconds } = wait;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new StatesRuntime(`Wait ${stateName}: seconds must be an integer >= 0, got ${JSON.stringify(seconds)}`);
    }
    return now + seconds * 1000;
  }
  const { timestamp } = wait;
  if (typeof timestamp !== 'string' || !RFC3339.test(timestamp)) {
    throw new StatesRuntime(`Wait ${stateName}: ${JSON.stringify(timestamp)} is not an RFC 3339 timestamp`);
  }
  return Date.parse(timestamp);
}
