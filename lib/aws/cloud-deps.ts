/**
 * The cloud composition of the router and the workflow steps: what lib/local/stack.ts wires locally,
 * on DynamoDB, Step Functions, SES, Secrets Manager and the real CRMs. Each Lambda builds its part
 * once per container (functions/shared/lambda-entry.ts caches it).
 */
import { SESClient } from '@aws-sdk/client-ses';
import { SFNClient } from '@aws-sdk/client-sfn';
import { z } from 'zod';
import type { EscalationDeps } from '../core/escalation/steps.ts';
import type { ExpediteDeps } from '../core/expedite/steps.ts';
import type { RecordRef } from '../core/model/crm-event.ts';
import type { Mailer } from '../core/ports/mailer.ts';
import type { RouterDeps } from '../core/router/route-event.ts';
import { caseSnapshotOf, expediteFieldOf, orderSnapshotOf } from '../crm/snapshots.ts';
import { bundledConfig } from './config.ts';
import { base, type CloudOptions } from './cloud-base.ts';
export { cloudFailureDeps, type CloudOptions } from './cloud-base.ts';
import { cloudCrms } from './crm-ports.ts';
import { jsonEnv, requiredEnv } from './env.ts';
import { SesMailer } from './ses-mailer.ts';
import { StepFunctionsStarter } from './step-functions-starter.ts';
import { cloudTemplates } from './templates.ts';

/** Step deps with the mailer left open: it is bound per invocation to the record the step is about. */
export type StepDeps<D extends { mailer: Mailer }> = Omit<D, 'mailer'> & {
  readonly mailerFor: (ref: RecordRef) => Mailer;
};

const arn = z.string().startsWith('arn:', 'must be a state machine ARN');
const stateMachinesSchema = z.strictObject({ escalation: arn, 'follow-up': arn, expedite: arn });
/** An address, or a display name and one: `crmflow <noreply@example.com>`. */
const sender = z
  .string()
  .regex(/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/, 'must be an e-mail address (with a display name if wanted)');

export async function cloudRouterDeps(options: CloudOptions = {}): Promise<RouterDeps> {
  const { config, settings, store, clock, env, secrets } = base(options);
  const stateMachines = jsonEnv('CRMFLOW_STATE_MACHINES', stateMachinesSchema, env);
  return {
    settings,
    store,
    clock,
    crm: await cloudCrms(config, settings, env, secrets),
    workflows: new StepFunctionsStarter({ client: new SFNClient({}), stateMachines }),
    mapCase: caseSnapshotOf(config),
    mapOrder: orderSnapshotOf(config),
  };
}

/** Escalation and follow-up steps (their deps have the same shape). */
export async function cloudStepDeps(options: CloudOptions = {}): Promise<StepDeps<EscalationDeps>> {
  const { config, settings, store, clock, env, secrets } = base(options);
  const from = requiredEnv('CRMFLOW_MAIL_FROM', sender, env);
  const crm = await cloudCrms(config, settings, env, secrets);
  const client = new SESClient({});
  return {
    settings,
    store,
    clock,
    crm: (ref) => crm(ref.crm),
    mailerFor: (ref) => new SesMailer({ client, from, ledger: store, clock, ref }),
  };
}

export async function cloudExpediteDeps(options: CloudOptions = {}): Promise<StepDeps<ExpediteDeps>> {
  const steps = await cloudStepDeps(options);
  return { ...steps, templates: cloudTemplates(), expediteField: expediteFieldOf(bundledConfig()) };
}
