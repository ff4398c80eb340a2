/**
 * Fail-fast reads of the Lambda environment. An error names the variable and what it should hold,
 * never its value: a value may be a secret someone put in the wrong place.
 */
import { z } from 'zod';
import { describeIssues } from '../crm/shared/describe-issues.ts';
import { ENV, type EnvName } from './env-contract.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** A Lambda set up wrongly: retrying will not help until the stack is deployed right. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

const nonEmpty = z.string().min(1);

/** The variable's value, checked by `schema` (any non-empty string by default). */
export function requiredEnv<T = string>(name: EnvName, schema?: z.ZodType<T, string>, env: Env = process.env): T {
  const value = optionalEnv(name, schema, env);
  if (value === undefined) throw new EnvironmentError(`${name} is not set: it should hold ${ENV[name]}`);
  return value;
}

/** Undefined when unset or empty (CloudFormation cannot leave a variable out conditionally with ease). */
export function optionalEnv<T = string>(name: EnvName, schema?: z.ZodType<T, string>, env: Env = process.env) {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return check(name, raw, schema ?? (nonEmpty as unknown as z.ZodType<T, string>));
}

/** A variable holding JSON, parsed and checked by `schema`. */
export function jsonEnv<T>(name: EnvName, schema: z.ZodType<T>, env: Env = process.env): T {
  const raw = requiredEnv(name, undefined, env);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // JSON.parse quotes the text it choked on: not in our message.
    throw new EnvironmentError(`${name} is not valid JSON: it should hold ${ENV[name]}`);
  }
  return check(name, parsed, schema);
}

function check<T>(name: EnvName, value: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new EnvironmentError(`${name} is not what it should be (${ENV[name]}): ${describeIssues(result.error.issues)}`);
}
