/** Lambda of the expedite workflow's Plan state. */
import middy from '@middy/core';
import type { ExpediteInput } from '../../lib/core/expedite/decision.ts';
import { expeditePlanStep, type ExpediteDeps } from '../../lib/core/expedite/steps.ts';

export const createExpeditePlanHandler = (deps: ExpediteDeps) =>
  middy(async (input: ExpediteInput) => expeditePlanStep(deps, input));
