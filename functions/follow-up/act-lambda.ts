/** The follow-up Act Lambda (the construct's entry): cloud deps + createFollowUpActHandler. */
import { cloudStepDeps } from '../../lib/aws/cloud-deps.ts';
import type { FollowUpAction } from '../../lib/core/follow-up/decision.ts';
import { stepEntry } from '../shared/step-entry.ts';
import { createFollowUpActHandler } from './act.ts';

export const handler = stepEntry(
  'follow-up-act',
  cloudStepDeps,
  ({ action }: { action: FollowUpAction }) => action.ref,
  createFollowUpActHandler,
);
