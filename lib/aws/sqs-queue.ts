/**
 * The EventQueue on SQS: the edge's events, one message each (the CrmEvent as JSON), sent with
 * SendMessageBatch. A standard queue has no deduplication; the router dedupes on the event id.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { CrmEvent } from '../core/model/crm-event.ts';
import type { EventQueue } from '../core/ports/queue.ts';

/** SendMessageBatch takes at most 10 entries. */
export const MAX_BATCH_ENTRIES = 10;
/** A batch's bodies together stay under SQS's older 256 KiB payload limit; a larger event goes alone. */
export const MAX_BATCH_BYTES = 256 * 1024;

export interface SqsEventQueueOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
}

/** Some entries of a batch were not queued: the edge answers 503 and the CRM sends them again. */
export class EnqueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnqueueError';
  }
}

export class SqsEventQueue implements EventQueue {
  readonly #client: SQSClient;
  readonly #queueUrl: string;

  constructor(options: SqsEventQueueOptions) {
    this.#client = options.client;
    this.#queueUrl = options.queueUrl;
  }

  async enqueue(events: readonly CrmEvent[]): Promise<void> {
    // Batches go out together: the edge must answer fast, and a partial success is harmless (the
    // CRM's resend of the lot is deduped by the router).
    await Promise.all(batches(events.map((event) => JSON.stringify(event))).map((bodies) => this.#send(bodies)));
  }

  async #send(bodies: readonly string[]): Promise<void> {
    const { Failed = [] } = await this.#client.send(
      new SendMessageBatchCommand({
        QueueUrl: this.#queueUrl,
        Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );
    if (Failed.length > 0) {
      // Codes and fault sides only: SQS's messages are its own, but the bodies are customer data.
      const codes = [
        ...new Set(Failed.map((entry) => `${entry.Code ?? 'unknown'}${entry.SenderFault ? ' (sender)' : ''}`)),
      ];
      throw new EnqueueError(`${Failed.length} of ${bodies.length} events were not queued: ${codes.join(', ')}`);
    }
  }
}

/** Bodies in order, cut into batches of at most 10 entries and MAX_BATCH_BYTES (unless one alone is larger). */
export function batches(bodies: readonly string[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const body of bodies) {
    const size = Buffer.byteLength(body);
    if (current.length > 0 && (current.length === MAX_BATCH_ENTRIES || bytes + size > MAX_BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(body);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}
