import type { FieldValue, NativeFields } from '../../../core/model/crm-event.ts';
import { fromIso, type Instant } from '../../../core/time/instant.ts';
import { PROPERTY_NAME } from './ids.ts';

/** Keys of the body that say which record, not what it holds. */
const NOT_PROPERTIES = new Set(['objectId', 'portalId']);

/**
 * The body's properties: plain values under property names. Anything else (a nested object, a key
 * no property could have) is left out, not refused: the event is partial, and the router reads
 * the whole record from HubSpot anyway.
 */
export function workflowFields(body: Readonly<Record<string, unknown>>): NativeFields {
  const fields: [string, FieldValue][] = [];
  for (const [name, value] of Object.entries(body)) {
    if (NOT_PROPERTIES.has(name) || !PROPERTY_NAME.test(name)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      fields.push([name, value as FieldValue]);
    }
  }
  return Object.fromEntries(fields);
}

/**
 * When the record was last modified, if the body says: `hs_lastmodifieddate` (`lastmodifieddate`
 * on contacts), as HubSpot writes it — unix milliseconds, or an ISO-8601 timestamp.
 */
export function modifiedAt(fields: NativeFields): Instant | undefined {
  const value = fields.hs_lastmodifieddate ?? fields.lastmodifieddate;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^\d{1,16}$/.test(value)) return Number(value);
  try {
    return fromIso(value);
  } catch {
    return undefined;
  }
}
