/** The follow-up Plan Lambda (the construct's entry): cloud deps + createFollowUpPlanHandler. */
import { cloudStepDeps } from '../../lib/aws/cloud-deps.ts';
import type { FollowUpInput } from '../../lib/core/follow-up/decision.ts';
import { stepEntry } from '../shared/step-entry.ts';
import { createFollowUpPlanHandler } from './plan.ts';

export const handler = stepEntry(
  'follow-up-plan',
  cloudStepDeps,
  (input: FollowUpInput) => input.ref,
  createFollowUpPlanHandler,
);
