/**
 * The router Lambda: SQS batches of CrmEvents → routeEvent each. A failed event is reported as a
 * partial batch failure, so SQS redelivers only it (and, past maxReceiveCount, dead-letters it).
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { crmEventSchema } from '../../lib/core/model/crm-event-schema.ts';
import type { CrmEvent } from '../../lib/core/model/crm-event.ts';
import { eventRelayEvents, isEventRelayMessage } from '../../lib/crm/salesforce/event-relay/change-events.ts';
import { routeEvent, type RouterDeps } from '../../lib/core/router/route-event.ts';

export interface RouterHandlerOptions {
  /** Told of each event that failed, by message id and error name/code: never its body. */
  readonly logger?: { warn(message: string, attributes: Record<string, unknown>): void };
}

export const createRouterHandler = (deps: RouterDeps, options: RouterHandlerOptions = {}) =>
  middy(async (batch: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of batch.Records) {
      try {
        for (const event of eventsOf(record.body, deps.clock.now())) await routeEvent(deps, event);
      } catch (error) {
        options.logger?.warn('event not routed: SQS will redeliver it', {
          messageId: record.messageId,
          receiveCount: record.attributes.ApproximateReceiveCount,
          ...errorFacts(error),
        });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  });

/**
 * A queue message is a CrmEvent from our edge, or a Salesforce change event that an Event Relay
 * rule put there (DESIGN §4) — which may name several records.
 */
function eventsOf(body: string, now: number): CrmEvent[] {
  const value: unknown = JSON.parse(body);
  return isEventRelayMessage(value) ? eventRelayEvents(value, now) : [crmEventSchema.parse(value)];
}

/** Name and code: a message could quote a field value (a CRM's validation error, a zod issue). */
function errorFacts(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: 'non-Error thrown' };
  const code = (error as { code?: unknown }).code;
  return { error: error.name, ...(typeof code === 'string' ? { code } : {}) };
}
