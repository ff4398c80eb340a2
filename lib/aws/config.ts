/**
 * The validated config, compiled into each bundle: the CDK construct's esbuild `define` replaces
 * `process.env.CRMFLOW_CONFIG_JSON` with a string literal of it at synth time, so the config a Lambda
 * runs is the one `cdk deploy` validated, with no file or parameter to read at run time.
 */
import { formatProblem, validateConfig, type Config } from '../core/config/index.ts';
import { CONFIG_ENV } from './env-contract.ts';
import { EnvironmentError } from './env.ts';

let cached: Config | undefined;

/** Parsed and validated once per container; throws, naming the variable, when absent or invalid. */
export function bundledConfig(): Config {
  // Spelled out, not process.env[name]: esbuild's define matches this exact expression.
  cached ??= readConfig(process.env.CRMFLOW_CONFIG_JSON);
  return cached;
}

/**
 * The config from what the define put in: normally a JSON string; an object literal (a define of
 * JSON.stringify(config) instead of a string of it) is taken as it is rather than failing on a technicality.
 */
export function readConfig(value: unknown): Config {
  if (value === undefined || value === '') {
    throw new EnvironmentError(
      `${CONFIG_ENV} is not set: it should hold the crmflow config as JSON, compiled into the bundle by the CDK construct`,
    );
  }
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new EnvironmentError(`${CONFIG_ENV} is not valid JSON: it should hold the crmflow config as JSON`);
    }
  }
  const result = validateConfig(parsed);
  if (!result.ok) {
    const problems = result.problems.filter((problem) => problem.severity === 'error');
    const lines = problems.map((problem) => `  ${formatProblem(problem)}`).join('\n');
    throw new EnvironmentError(`${CONFIG_ENV} does not hold a valid crmflow config:\n${lines}`);
  }
  return result.config;
}
