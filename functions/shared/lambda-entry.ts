/**
 * The shape of every cloud entry point: a Powertools Logger with the Lambda context, dependencies
 * built once per container, then the handler factory's work. Logs carry error names and codes, never
 * an event, a field value or an error message that could quote one.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { once } from './once.ts';

/** The service name comes from POWERTOOLS_SERVICE_NAME (`crmflow`); `component` says which Lambda. */
export const lambdaLogger = (component: string): Logger => new Logger({ persistentKeys: { component } });

export function lambdaEntry<D, E, R>(
  component: string,
  build: () => Promise<D>,
  invoke: (deps: D, event: E, context: Context) => Promise<R>,
  logger: Logger = lambdaLogger(component),
) {
  const deps = once(build);
  return middy(async (event: E, context: Context): Promise<R> => {
    const built = await deps().catch((error: unknown) => {
      // Our own errors (environment, config, secret shape) say what to fix and quote no secret.
      logger.error('dependencies could not be built', { error: describe(error, true) });
      throw error;
    });
    try {
      return await invoke(built, event, context);
    } catch (error) {
      logger.error('invocation failed', { error: describe(error, false) });
      throw error; // unchanged: Step Functions' Retry and Catch match on its name
    }
  }).use(injectLambdaContext(logger));
}

function describe(error: unknown, withMessage: boolean): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: 'non-Error thrown' };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(withMessage ? { message: error.message } : {}),
  };
}
