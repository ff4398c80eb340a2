import type { CaseStatus, Priority } from '../model/canonical.ts';
import type { RecordRef } from '../model/crm-event.ts';
import type { Instant } from '../time/instant.ts';
import type { StatusChange } from '../time/sla-clock.ts';

/** A case as the core sees it, whatever the CRM (mapped from native fields by lib/crm). */
export interface CaseSnapshot {
  readonly status: CaseStatus;
  readonly priority?: Priority;
  readonly ownerId?: string;
  readonly contactId?: string;
  readonly subject?: string;
  readonly number?: string;
  readonly isEscalated?: boolean;
  readonly createdAt: Instant;
  readonly modifiedAt: Instant;
}

/** What the router keeps about a case: the newest snapshot and the history the SLA clock needs. */
export interface CaseState {
  readonly ref: RecordRef;
  readonly snapshot: CaseSnapshot;
  /** Every status observed, in time order (a late event is merged in, not dropped); first = creation. */
  readonly statusHistory: readonly StatusChange[];
  /** The last owner who was a person: follow-up calls go to them when a queue owns the case. */
  readonly lastUserOwnerId?: string;
  /** Each time the case closed, and who owned it then (follow-up calls go to them). */
  readonly closes?: readonly { readonly at: Instant; readonly ownerId?: string }[];
  /** The escalation plan in force; executions of older versions end at their next Plan. */
  readonly escalation: { readonly version: number; readonly signature: string };
}
