/** The expedite Act Lambda (the construct's entry): cloud deps + createExpediteActHandler. */
import { cloudExpediteDeps } from '../../lib/aws/cloud-deps.ts';
import type { ExpediteAction } from '../../lib/core/expedite/decision.ts';
import { stepEntry } from '../shared/step-entry.ts';
import { createExpediteActHandler } from './act.ts';

export const handler = stepEntry(
  'expedite-act',
  cloudExpediteDeps,
  ({ action }: { action: ExpediteAction }) => action.ref,
  createExpediteActHandler,
);
