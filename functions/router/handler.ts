/**
 * The router Lambda: SQS batches of CrmEvents → routeEvent each. A failed event is reported as a
 * partial batch failure, so SQS redelivers only it (and, past maxReceiveCount, dead-letters it).
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseCrmEvent } from '../../lib/core/model/crm-event-schema.ts';
import { routeEvent, type RouterDeps } from '../../lib/core/router/route-event.ts';

export const createRouterHandler = (deps: RouterDeps) =>
  middy(async (batch: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of batch.Records) {
      try {
        await routeEvent(deps, parseCrmEvent(record.body));
      } catch {
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  });
