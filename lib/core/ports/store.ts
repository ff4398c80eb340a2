import type { Instant } from '../time/instant.ts';
import type { RecordRef } from '../model/crm-event.ts';

/**
 * What crmflow keeps (DESIGN §1: DynamoDB is the truth). Every write is a single-item conditional
 * write: no transactions (dynalite has none, and the design must not need them).
 */

/** A record's state as the router last wrote it, with the version that guards the next write. */
export interface Stored<T> {
  readonly data: T;
  /** Starts at 1; each successful save increments it. */
  readonly version: number;
}

/** The outcome of an idempotent CRM action, recorded once it succeeded. */
export interface ActionEntry {
  readonly key: string;
  readonly ref: RecordRef;
  /** e.g. `task:00T…`, `note:00a…`, `email:<message-id>` — what the action made. */
  readonly result: Readonly<Record<string, string>>;
  readonly at: Instant;
}

export interface AuditEntry {
  readonly at: Instant;
  /** `event`, `decision`, `action`, `failure` … */
  readonly type: string;
  readonly summary: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface FailureEntry {
  readonly id: string;
  readonly at: Instant;
  readonly workflow: string;
  readonly ref: RecordRef;
  readonly step: string;
  readonly error: string;
  readonly cause: string;
  /** What to start again to retry it (workflow input). */
  readonly retryInput: Readonly<Record<string, unknown>>;
  readonly state: 'open' | 'retried';
}

export interface Store {
  getRecord<T>(ref: RecordRef): Promise<Stored<T> | undefined>;
  /**
   * Saves when the stored version is still `expectedVersion` (0: the record must not exist yet).
   * Returns false when someone else wrote first: re-read and decide again.
   */
  saveRecord<T>(ref: RecordRef, data: T, expectedVersion: number): Promise<boolean>;

  /** Whether an event id was marked seen (and has not expired by `now`). */
  hasSeenEvent(eventId: string, now: Instant): Promise<boolean>;
  /** True the first time an event id is seen, false for a duplicate. Kept for `ttlSeconds`. */
  markEventSeen(eventId: string, now: Instant, ttlSeconds: number): Promise<boolean>;

  getAction(key: string): Promise<ActionEntry | undefined>;
  /** Records a finished action; false if it was already recorded (the first record stays). */
  recordAction(entry: ActionEntry): Promise<boolean>;

  appendAudit(ref: RecordRef, entry: AuditEntry): Promise<void>;
  listAudit(ref: RecordRef): Promise<AuditEntry[]>;

  recordFailure(entry: FailureEntry): Promise<void>;
  listFailures(state?: FailureEntry['state']): Promise<FailureEntry[]>;
  /**
   * Marks the open failure `id` recorded at `at` retried (without `at`: the oldest open one of that
   * id); false when there is none open (another retry won). Conditional: one of two racing wins.
   */
  markFailureRetried(id: string, at?: Instant): Promise<boolean>;
}
