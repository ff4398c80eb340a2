/** Lambda of the follow-up workflow's Act state: the call task or the reminder, idempotently. */
import middy from '@middy/core';
import type { FollowUpAction } from '../../lib/core/follow-up/decision.ts';
import { followUpActStep, type FollowUpDeps } from '../../lib/core/follow-up/steps.ts';

export const createFollowUpActHandler = (deps: FollowUpDeps) =>
  middy(async ({ action }: { action: FollowUpAction }) => {
    await followUpActStep(deps, action);
    return {};
  });
