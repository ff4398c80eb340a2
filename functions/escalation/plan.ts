/** Lambda of the escalation workflow's Plan state: reads the case, answers wait / act / done. */
import middy from '@middy/core';
import { escalationPlanStep, type EscalationDeps } from '../../lib/core/escalation/steps.ts';
import type { EscalationInput } from '../../lib/core/escalation/decision.ts';

export const createEscalationPlanHandler = (deps: EscalationDeps) =>
  middy(async (input: EscalationInput) => escalationPlanStep(deps, input));
