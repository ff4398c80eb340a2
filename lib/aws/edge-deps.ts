/**
 * The webhook edge's dependencies in the cloud: the bundled config's `crm` part, the webhook secrets,
 * the SQS queue. Nothing here imports a CRM SDK: the edge's bundle stays small and starts fast.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { EdgeDeps } from '../edge/index.ts';
import { isPublicBaseUrl } from '../edge/public-uri.ts';
import { bundledConfig } from './config.ts';
import { optionalEnv, requiredEnv, type Env } from './env.ts';
import { edgeSecretsSchema } from './secret-schemas.ts';
import { powertoolsSecrets, readJsonSecret, type SecretSource } from './secrets.ts';
import { SqsEventQueue } from './sqs-queue.ts';
import { systemClock } from './system-clock.ts';

export interface EdgeDepsOptions {
  readonly env?: Env;
  readonly secrets?: SecretSource;
}

const publicBaseUrl = z
  .string()
  .refine(isPublicBaseUrl, 'must be an http(s) URL without query, fragment or credentials');

export async function cloudEdgeDeps(options: EdgeDepsOptions = {}): Promise<EdgeDeps> {
  const env = options.env ?? process.env;
  const config = bundledConfig();
  const queueUrl = requiredEnv('CRMFLOW_QUEUE_URL', undefined, env);
  const secretArn = requiredEnv('CRMFLOW_EDGE_SECRET_ARN', undefined, env);
  const baseUrl = optionalEnv('CRMFLOW_PUBLIC_BASE_URL', publicBaseUrl, env);
  const secrets = await readJsonSecret(
    { arn: secretArn, env: 'CRMFLOW_EDGE_SECRET_ARN' },
    edgeSecretsSchema,
    options.secrets ?? powertoolsSecrets,
  );
  return {
    config: config.crm,
    secrets,
    queue: new SqsEventQueue({ client: new SQSClient({}), queueUrl }),
    clock: systemClock,
    ...(baseUrl ? { publicBaseUrl: baseUrl } : {}),
  };
}
