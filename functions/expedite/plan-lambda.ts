/** The expedite Plan Lambda (the construct's entry): cloud deps + createExpeditePlanHandler. */
import { cloudExpediteDeps } from '../../lib/aws/cloud-deps.ts';
import type { ExpediteInput } from '../../lib/core/expedite/decision.ts';
import { stepEntry } from '../shared/step-entry.ts';
import { createExpeditePlanHandler } from './plan.ts';

export const handler = stepEntry(
  'expedite-plan',
  cloudExpediteDeps,
  (input: ExpediteInput) => input.ref,
  createExpeditePlanHandler,
);
