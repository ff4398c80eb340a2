/**
 * What every crmflow Lambda builds first: the config compiled into the bundle, the table, the clock.
 * Kept apart from the CRM wiring so a Lambda that needs no CRM (record-failure) bundles no CRM SDK.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../core/config/index.ts';
import { compileSettings, type Settings } from '../core/config/settings.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Store } from '../core/ports/store.ts';
import { bundledConfig } from './config.ts';
import { requiredEnv, type Env } from './env.ts';
import { powertoolsSecrets, type SecretSource } from './secrets.ts';
import { createDocumentClient } from './store/document-client.ts';
import { DynamoStore } from './store/dynamo-store.ts';
import { systemClock } from './system-clock.ts';
import { withRetryableErrors } from './transient.ts';

export interface CloudOptions {
  readonly env?: Env;
  readonly secrets?: SecretSource;
}

export interface Base {
  readonly config: Config;
  readonly settings: Settings;
  readonly store: Store;
  readonly clock: Clock;
  readonly env: Env;
  readonly secrets: SecretSource;
}

export function base(options: CloudOptions): Base {
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
