import type { CrmName } from '../model/canonical.ts';
import type { NativeFields, RecordRef } from '../model/crm-event.ts';
import type { Instant } from '../time/instant.ts';

/**
 * What crmflow does in a CRM, the same for Salesforce and HubSpot (DESIGN §6b). Adapters speak the
 * CRM's native fields; mapping native ↔ canonical happens in lib/crm/<crm>/mapping.ts.
 *
 * Writes that create something take the action key and are idempotent on it: a retry after a crash
 * between the CRM write and the ledger write finds what the first attempt made (the key is the last
 * line of the task's description / the note's body) instead of making a second one.
 */
export interface CrmPort {
  readonly crm: CrmName;

  /** The record's native fields, or undefined when it does not exist (deleted). */
  readRecord(ref: RecordRef): Promise<NativeFields | undefined>;
  /** Sets native fields on a record (owner, escalated flag, expedite flag…). */
  updateRecord(ref: RecordRef, fields: NativeFields): Promise<void>;
  /** Makes `ownerId` (a user or a queue) the record's owner. Idempotent by nature. */
  assignOwner(ref: RecordRef, ownerId: string): Promise<void>;
  /** Marks a case escalated where the CRM has a flag for it (Salesforce IsEscalated); else nothing. */
  markEscalated(ref: RecordRef): Promise<void>;

  owner(id: string): Promise<Owner | undefined>;
  contact(id: string): Promise<Contact | undefined>;

  createTask(task: NewTask): Promise<Made>;
  task(id: string): Promise<TaskState | undefined>;
  /** Call tasks crmflow made for a contact since an instant (for `contactedWithin`). */
  callTasksFor(contactId: string, since: Instant): Promise<TaskState[]>;

  addNote(note: NewNote): Promise<Made>;
}

export interface Owner {
  readonly id: string;
  readonly kind: 'user' | 'queue';
  readonly name: string;
  readonly email?: string;
}

export interface Contact {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** Salesforce DoNotCall; HubSpot: the mapped property. */
  readonly optedOutOfCalls: boolean;
}

export interface NewTask {
  readonly actionKey: string;
  readonly type: 'call' | 'todo';
  readonly subject: string;
  /** Context for the agent; the adapter appends the action key as its last line. */
  readonly description: string;
  readonly ownerId: string;
  readonly priority: 'high' | 'normal';
  readonly dueAt: Instant;
  readonly relatedTo: RecordRef;
  readonly contactId?: string;
}

export interface TaskState {
  readonly id: string;
  readonly status: 'open' | 'completed';
  readonly ownerId: string;
  readonly type: 'call' | 'todo';
  readonly createdAt: Instant;
  readonly relatedTo?: string;
}

export interface NewNote {
  readonly actionKey: string;
  readonly relatedTo: RecordRef;
  readonly body: string;
}

/** What a create made; `existing` when an earlier attempt had already made it. */
export interface Made {
  readonly id: string;
  readonly existing: boolean;
}

/** Errors adapters throw, classified so workflows retry only what a retry can fix. */
export class CrmError extends Error {
  readonly retryable: boolean;
  readonly code: string;
  constructor(code: string, message: string, retryable: boolean) {
    super(message);
    this.name = retryable ? 'CrmRetryableError' : 'CrmPermanentError';
    this.code = code;
    this.retryable = retryable;
  }
}
