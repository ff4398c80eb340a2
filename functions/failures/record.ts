/** Lambda of every workflow's RecordFailure state: keeps the failure for `crmflow failures`. */
import middy from '@middy/core';
import { recordFailure, type FailureInput } from '../../lib/core/failures/record-failure.ts';
import type { Clock } from '../../lib/core/ports/clock.ts';
import type { Store } from '../../lib/core/ports/store.ts';

export const createRecordFailureHandler = (deps: { store: Store; clock: Clock }) =>
  middy(async (input: FailureInput) => {
    await recordFailure(deps, input);
    return {};
  });
