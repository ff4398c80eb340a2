import type { ActionEntry, AuditEntry, FailureEntry } from '../../core/ports/store.ts';

/**
 * Between port entries and table items. Items carry pk/sk and bookkeeping the port does not show,
 * so reads pick the entry's fields instead of returning the raw item.
 */
type Item = Record<string, unknown>;

export function toAuditEntry(item: Item): AuditEntry {
  const entry = { at: item.at, type: item.type, summary: item.summary } as AuditEntry;
  return item.detail === undefined ? entry : { ...entry, detail: item.detail as AuditEntry['detail'] };
}

export function toActionEntry(item: Item): ActionEntry {
  return { key: item.key, ref: item.ref, result: item.result, at: item.at } as ActionEntry;
}

export function toFailureEntry(item: Item): FailureEntry {
  return {
    id: item.id,
    at: item.at,
    workflow: item.workflow,
    ref: item.ref,
    step: item.step,
    error: item.error,
    cause: item.cause,
    retryInput: item.retryInput,
    state: item.state,
  } as FailureEntry;
}
