/**
 * The cloud composition of the router and the workflow steps: what lib/local/stack.ts wires locally,
 * on DynamoDB, Step Functions, SES, Secrets Manager and the real CRMs. Each Lambda builds its part
 * once per container (functions/shared/lambda-entry.ts caches it).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { SFNClient } from '@aws-sdk/client-sfn';
import { z } from 'zod';
import type { Config } from '../core/config/index.ts';
import { compileSettings, type Settings } from '../core/config/settings.ts';
import type { EscalationDeps } from '../core/escalation/steps.ts';
import type { ExpediteDeps } from '../core/expedite/steps.ts';
import type { RecordRef } from '../core/model/crm-event.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Mailer } from '../core/ports/mailer.ts';
import type { Store } from '../core/ports/store.ts';
import type { RouterDeps } from '../core/router/route-event.ts';
import { caseSnapshotOf, expediteFieldOf, orderSnapshotOf } from '../crm/snapshots.ts';
import { bundledConfig } from './config.ts';
import { cloudCrms } from './crm-ports.ts';
import { jsonEnv, requiredEnv, type Env } from './env.ts';
import { powertoolsSecrets, type SecretSource } from './secrets.ts';
import { SesMailer } from './ses-mailer.ts';
import { StepFunctionsStarter } from './step-functions-starter.ts';
import { createDocumentClient } from './store/document-client.ts';
import { DynamoStore } from './store/dynamo-store.ts';
import { systemClock } from './system-clock.ts';
import { cloudTemplates } from './templates.ts';
import { withRetryableErrors } from './transient.ts';

export interface CloudOptions {
  readonly env?: Env;
  readonly secrets?: SecretSource;
}

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

interface Base {
  readonly config: Config;
  readonly settings: Settings;
  readonly store: Store;
  readonly clock: Clock;
  readonly env: Env;
  readonly secrets: SecretSource;
}

function base(options: CloudOptions): Base {
  const env = options.env ?? process.env;
  const config = bundledConfig();
  const tableName = requiredEnv('CRMFLOW_TABLE_NAME', undefined, env);
  const dynamo = createDocumentClient(new DynamoDBClient({}));
  // DynamoDB still throttled after the SDK's retries reaches Step Functions as StoreRetryableError.
  const store = withRetryableErrors(
    'StoreRetryableError',
    new DynamoStore({ client: dynamo, tableName, clock: systemClock }),
  );
  return {
    config,
    settings: compileSettings(config),
    store,
    clock: systemClock,
    env,
    secrets: options.secrets ?? powertoolsSecrets,
  };
}

/** The record-failure Lambda needs the table and nothing else. */
export async function cloudFailureDeps(options: CloudOptions = {}) {
  const { store, clock } = base(options);
  return { store, clock };
}

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
