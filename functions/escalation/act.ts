/** Lambda of the escalation workflow's Act state: escalates or warns, idempotently. */
import middy from '@middy/core';
import { escalationActStep, type EscalationDeps } from '../../lib/core/escalation/steps.ts';
import type { EscalationAction } from '../../lib/core/escalation/decision.ts';

export const createEscalationActHandler = (deps: EscalationDeps) =>
  middy(async ({ action }: { action: EscalationAction }) => {
    await escalationActStep(deps, action);
    return {};
  });
