/** Lambda of the follow-up workflow's Plan state. */
import middy from '@middy/core';
import type { FollowUpInput } from '../../lib/core/follow-up/decision.ts';
import { followUpPlanStep, type FollowUpDeps } from '../../lib/core/follow-up/steps.ts';

export const createFollowUpPlanHandler = (deps: FollowUpDeps) =>
  middy(async (input: FollowUpInput) => followUpPlanStep(deps, input));
