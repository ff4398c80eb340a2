/**
 * One follow-up call per contact per `contactedWithin`: a claim on the contact, made with a single
 * conditional write, so two cases of one contact closing together cannot both get a call.
 */
import type { RecordRef } from '../model/crm-event.ts';
import type { Store } from '../ports/store.ts';
import type { Instant } from '../time/instant.ts';

interface ContactCalls {
  readonly lastFollowUpCall?: { readonly at: Instant; readonly key: string };
}

/**
 * Claims the contact for the call `key` due `at`. False when another follow-up call is due at or
 * after `since` (contacted recently). Claiming again for the same key succeeds (a retried step).
 */
export async function claimContactCall(
  store: Store,
  contact: RecordRef,
  claim: { readonly key: string; readonly at: Instant; readonly since: Instant },
): Promise<boolean> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const stored = await store.getRecord<ContactCalls>(contact);
    const last = stored?.data.lastFollowUpCall;
    if (last?.key === claim.key) return true;
    if (last && last.at >= claim.since) return false;
    const data: ContactCalls = { ...stored?.data, lastFollowUpCall: { at: claim.at, key: claim.key } };
    if (await store.saveRecord(contact, data, stored?.version ?? 0)) return true;
  }
  throw new Error(`contact ${contact.id}: too many concurrent follow-up claims`);
}
