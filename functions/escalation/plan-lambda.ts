/** The escalation Plan Lambda (the construct's entry): cloud deps + createEscalationPlanHandler. */
import { cloudStepDeps } from '../../lib/aws/cloud-deps.ts';
import type { EscalationInput } from '../../lib/core/escalation/decision.ts';
import { stepEntry } from '../shared/step-entry.ts';
import { createEscalationPlanHandler } from './plan.ts';

export const handler = stepEntry(
  'escalation-plan',
  cloudStepDeps,
  (input: EscalationInput) => input.ref,
  createEscalationPlanHandler,
);
