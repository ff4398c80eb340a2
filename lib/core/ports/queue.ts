import type { CrmEvent } from '../model/crm-event.ts';

/** The edge hands verified events to the router through this (SQS in the cloud, in-process locally). */
export interface EventQueue {
  /** Resolves once the events are durably queued; rejects if they could not be (the edge answers 5xx). */
  enqueue(events: readonly CrmEvent[]): Promise<void>;
}
