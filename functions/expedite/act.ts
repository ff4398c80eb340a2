/** Lambda of the expedite workflow's Act state: the fulfilment request or the delay actions, idempotently. */
import middy from '@middy/core';
import type { ExpediteAction } from '../../lib/core/expedite/decision.ts';
import { expediteActStep, type ExpediteDeps } from '../../lib/core/expedite/steps.ts';

export const createExpediteActHandler = (deps: ExpediteDeps) =>
  middy(async ({ action }: { action: ExpediteAction }) => {
    await expediteActStep(deps, action);
    return {};
  });
