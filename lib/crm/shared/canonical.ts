import type { CaseStatus, Priority } from '../../core/model/canonical.ts';
import type { Instant } from '../../core/time/instant.ts';

/** A case (Salesforce Case, HubSpot ticket) in canonical values, as each CRM's mapping gives it. */
export interface CanonicalCase {
  readonly status: CaseStatus;
  /** Undefined when empty or a value nobody mapped: no priority policy should match it. */
  readonly priority: Priority | undefined;
  readonly ownerId: string | undefined;
  readonly contactId: string | undefined;
  readonly subject: string | undefined;
  readonly number: string | undefined;
  /** Salesforce IsEscalated; HubSpot tickets have no such flag (always false). */
  readonly isEscalated: boolean;
  readonly createdAt: Instant | undefined;
  readonly modifiedAt: Instant | undefined;
}

/** An order (Salesforce Order, HubSpot order) in canonical values. */
export interface CanonicalOrder {
  readonly status: string | undefined;
  /** As written: a date (`2026-12-09`, the last open moment of that day) or a timestamp. */
  readonly promisedAt: string | undefined;
  readonly expedite: boolean;
  readonly shippedAt: string | undefined;
  readonly deliveredAt: string | undefined;
  readonly contactId: string | undefined;
  readonly ownerId: string | undefined;
  readonly number: string | undefined;
  readonly createdAt: Instant | undefined;
  readonly modifiedAt: Instant | undefined;
}
