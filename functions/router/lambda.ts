/** The router Lambda (the construct's entry): SQS batches → createRouterHandler on cloud deps. */
import type { SQSEvent } from 'aws-lambda';
import { cloudRouterDeps } from '../../lib/aws/cloud-deps.ts';
import { lambdaEntry, lambdaLogger } from '../shared/lambda-entry.ts';
import { createRouterHandler } from './handler.ts';

const logger = lambdaLogger('router');

export const handler = lambdaEntry(
  'router',
  async () => createRouterHandler(await cloudRouterDeps(), { logger }),
  (route, batch: SQSEvent, context) => route(batch, context),
  logger,
);
