/** The escalation Act Lambda (the construct's entry): cloud deps + createEscalationActHandler. */
import { cloudStepDeps } from '../../lib/aws/cloud-deps.ts';
import type { EscalationAction } from '../../lib/core/escalation/decision.ts';
import { stepEntry } from '../shared/step-entry.ts';
import { createEscalationActHandler } from './act.ts';

export const handler = stepEntry(
  'escalation-act',
  cloudStepDeps,
  ({ action }: { action: EscalationAction }) => action.ref,
  createEscalationActHandler,
);
