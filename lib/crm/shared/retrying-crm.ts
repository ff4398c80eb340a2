/**
 * Our own retry policy for CRM calls (DESIGN §3: neither jsforce's nor the HubSpot client's is fit to
 * keep). Every CrmPort method is safe to repeat — reads, absolute updates, creates that look for their
 * action key first — so a retryable error (429, 5xx, REQUEST_LIMIT_EXCEEDED, timeouts) is retried here
 * a few times with back-off before the workflow's own Retry re-runs the whole step.
 */
import { CrmError, type CrmPort } from '../../core/ports/crm.ts';

export interface CrmRetryPolicy {
  /** Calls in all, the first included. @default 5 */
  readonly attempts?: number;
  /** The first back-off; it doubles each time. @default 1000 ms */
  readonly baseDelayMs?: number;
  /** Waits `ms`: real time in a Lambda, the local clock (without holding it) locally. */
  readonly sleep: (ms: number) => Promise<void>;
}

export function withCrmRetries(port: CrmPort, policy: CrmRetryPolicy): CrmPort {
  const { attempts = 5, baseDelayMs = 1000, sleep } = policy;
  const retrying =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await call(...args);
        } catch (error) {
          if (!(error instanceof CrmError) || !error.retryable || attempt >= attempts) throw error;
          await sleep(baseDelayMs * 2 ** (attempt - 1));
        }
      }
    };
  return {
    crm: port.crm,
    readRecord: retrying((ref) => port.readRecord(ref)),
    updateRecord: retrying((ref, fields) => port.updateRecord(ref, fields)),
    assignOwner: retrying((ref, ownerId) => port.assignOwner(ref, ownerId)),
    markEscalated: retrying((ref) => port.markEscalated(ref)),
    owner: retrying((id) => port.owner(id)),
    contact: retrying((id) => port.contact(id)),
    createTask: retrying((task) => port.createTask(task)),
    task: retrying((id) => port.task(id)),
    callTasksFor: retrying((contactId, since) => port.callTasksFor(contactId, since)),
    addNote: retrying((note) => port.addNote(note)),
  };
}
