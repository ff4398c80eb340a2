import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handleWebhook, type EdgeDeps } from '../../lib/edge/index.ts';
import { toApiGatewayResult, toWebhookRequest } from './api-gateway.ts';
import { lambdaLogger } from '../shared/lambda-entry.ts';
import { cloudDeps, onceDeps, type DepsFactory } from './deps.ts';

export interface HandlerOptions {
  readonly logger?: Logger;
}

/**
 * The webhook Lambda: API Gateway HTTP API → handleWebhook → API Gateway. Thin on purpose: all
 * decisions live in lib/edge, so the local server runs the same code by calling this with its deps.
 */
export function createHandler(deps: EdgeDeps | DepsFactory, options: HandlerOptions = {}) {
  const logger = options.logger ?? new Logger({ serviceName: 'crmflow-webhook' });
  const load = typeof deps === 'function' ? onceDeps(deps) : () => Promise.resolve(deps);
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const resolved = await load().catch((error: unknown) => {
      logger.error('webhook dependencies could not be built', error instanceof Error ? error : String(error));
      throw error;
    });
    const response = await handleWebhook(toWebhookRequest(event), { ...resolved, logger: resolved.logger ?? logger });
    return toApiGatewayResult(response);
  }).use(injectLambdaContext(logger));
}

/** The construct's entry: service name from POWERTOOLS_SERVICE_NAME, like every other crmflow Lambda. */
export const handler = createHandler(cloudDeps, { logger: lambdaLogger('webhook') });
