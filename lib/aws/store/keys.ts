import type { RecordRef } from '../../core/model/crm-event.ts';
import { toIso } from '../../core/time/instant.ts';
import type { Instant } from '../../core/time/instant.ts';
import { auditSuffix } from './audit-suffix.ts';

/** Primary keys of each item kind (layout documented in table.ts). */
export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

export const STATE_SK = 'STATE';
export const AUDIT_PREFIX = 'AUDIT#';
export const FAILURE_PK = 'FAIL';

export const recordPk = (ref: RecordRef): string => `REC#${ref.crm}#${ref.kind}#${ref.id}`;

export const recordKey = (ref: RecordRef): ItemKey => ({ pk: recordPk(ref), sk: STATE_SK });

export const eventKey = (eventId: string): ItemKey => ({ pk: `EVT#${eventId}`, sk: 'EVT' });

export const actionKey = (key: string): ItemKey => ({ pk: `ACT#${key}`, sk: 'ACT' });

/** ISO first so the partition sorts by time; the suffix keeps two entries of the same millisecond apart. */
export const auditKey = (ref: RecordRef, at: Instant): ItemKey => ({
  pk: recordPk(ref),
  sk: `${AUDIT_PREFIX}${toIso(at)}#${auditSuffix()}`,
});

export const failureKey = (id: string, at: Instant): ItemKey => ({ pk: FAILURE_PK, sk: `${toIso(at)}#${id}` });
