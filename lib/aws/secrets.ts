/**
 * JSON secrets from Secrets Manager through Powertools Parameters (cached for five minutes per
 * container), checked by a zod schema. Nothing here logs or repeats a secret's value: an error names
 * the secret, the variable it came from, and what is wrong with its shape.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { z } from 'zod';
import { describeIssues } from '../crm/shared/describe-issues.ts';
import { ENV, type EnvName } from './env-contract.ts';
import { EnvironmentError } from './env.ts';
import { isTransientAwsError } from './transient.ts';

/** How long a secret read stays cached (Powertools' maxAge, seconds). */
export const SECRET_MAX_AGE_SECONDS = 300;

/** Fetches a secret's JSON; `forceFetch` skips the cache (a token someone rotated). */
export type SecretSource = (arn: string, options: { readonly forceFetch?: boolean }) => Promise<unknown>;

const options = (forceFetch: boolean | undefined) =>
  ({ transform: 'json', maxAge: SECRET_MAX_AGE_SECONDS, ...(forceFetch ? { forceFetch } : {}) }) as const;

/** The default: Powertools' shared Secrets Manager provider. */
export const powertoolsSecrets: SecretSource = (arn, { forceFetch }) => getSecret(arn, options(forceFetch));

/** The same through a provider of one's own (another client, another endpoint). */
export const secretsFrom =
  (provider: SecretsProvider): SecretSource =>
  (arn, { forceFetch }) =>
    provider.get(arn, options(forceFetch));

/** Secrets Manager throttled or was unreachable: unlike an EnvironmentError, a later attempt may succeed. */
export class SecretUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnavailableError';
  }
}

/** Where a secret is and how it is read: the ARN and the variable that named it. */
export interface SecretRef {
  readonly arn: string;
  readonly env: EnvName;
}

export async function readJsonSecret<T>(
  secret: SecretRef,
  schema: z.ZodType<T>,
  source: SecretSource = powertoolsSecrets,
  forceFetch?: boolean,
): Promise<T> {
  const where = `the secret ${secret.arn} (from ${secret.env}, ${ENV[secret.env]})`;
  let value: unknown;
  try {
    value = await source(secret.arn, forceFetch ? { forceFetch } : {});
  } catch (error) {
    // Powertools wraps the SDK's error: the cause says whether trying again later can help.
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    if (isTransientAwsError(cause))
      throw new SecretUnavailableError(`${where} could not be read now: ${safeReason(error)}`);
    throw new EnvironmentError(`${where} could not be read: ${safeReason(error)}`);
  }
  if (value === undefined) throw new EnvironmentError(`${where} has no string value`);
  const result = schema.safeParse(value);
  if (!result.success)
    throw new EnvironmentError(`${where} does not hold what it should: ${describeIssues(result.error.issues)}`);
  return result.data;
}

/**
 * Why a read failed, without the value: a failed JSON transform quotes the text it choked on, so it
 * is reported by name only; Secrets Manager's own errors (not found, access denied) say nothing secret.
 */
function safeReason(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  if (error.name === 'TransformParameterError') return 'its value is not JSON';
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return cause ? `${cause.name}: ${cause.message}` : `${error.name}: ${error.message}`;
}
