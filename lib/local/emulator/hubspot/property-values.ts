import type { FieldValue } from '../../../core/model/crm-event.ts';
import type { PropertyIssue } from './api-error.ts';
import { hsDateTime, isDate, parseHsInstant } from './datetime.ts';
import type { PropertyDef, PropertyType } from './properties.ts';

const MAX_STRING = 65_536;
const DAY_MS = 86_400_000;

/** A stored value (HubSpot keeps every value as text), or the issue HubSpot would report. */
export type Coerced = { readonly value: string | null } | { readonly issue: PropertyIssue };

const issue = (def: PropertyDef, code: string, message: string): Coerced => ({
  issue: { name: def.name, code, message },
});

/**
 * A written value in the form HubSpot stores and answers it: text; datetimes as ISO UTC with
 * milliseconds; dates `YYYY-MM-DD` (written as a date or as the epoch milliseconds of UTC midnight);
 * booleans `true`/`false`; an empty string clears the property.
 */
export function coerceValue(def: PropertyDef, raw: unknown): Coerced {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (typeof raw === 'object') return issue(def, 'INVALID_TYPE', `${def.name} takes a single value, not ${typeof raw}`);
  const text = String(raw).trim();
  switch (def.type) {
    case 'bool':
      if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() };
      return issue(def, 'INVALID_BOOLEAN', `${JSON.stringify(text)} is not a valid boolean; use true or false`);
    case 'number':
      if (text !== '' && Number.isFinite(Number(text))) return { value: String(Number(text)) };
      return issue(def, 'INVALID_DECIMAL', `${JSON.stringify(text)} is not a valid number`);
    case 'datetime': {
      const t = parseHsInstant(raw);
      if (t !== undefined) return { value: hsDateTime(t) };
      return issue(
        def,
        'INVALID_DATETIME',
        `${JSON.stringify(text)} is not a valid datetime: use epoch milliseconds or ISO 8601`,
      );
    }
    case 'date': {
      if (isDate(text)) return { value: text };
      const t = parseHsInstant(raw);
      if (t !== undefined && t % DAY_MS === 0) return { value: hsDateTime(t).slice(0, 10) };
      return issue(
        def,
        'INVALID_DATE',
        t === undefined
          ? `${JSON.stringify(text)} is not a valid date`
          : `${text} is at ${hsDateTime(t).slice(11, 19)} UTC, not midnight!`,
      );
    }
    case 'enumeration':
      if (!def.options || def.options.includes(text)) return { value: text };
      return issue(def, 'INVALID_OPTION', `${text} was not one of the allowed options: [${def.options.join(', ')}]`);
    case 'owner':
    case 'string':
      if (text.length > MAX_STRING)
        return issue(def, 'INVALID_STRING', `${def.name} is longer than ${MAX_STRING} characters`);
      return { value: String(raw) };
  }
}

/** A custom property's type, inferred from the first value a scenario gives it. */
export function inferType(value: FieldValue): PropertyType {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string' && isDate(value)) return 'date';
  if (typeof value === 'string' && !/^\d+$/.test(value) && parseHsInstant(value) !== undefined) return 'datetime';
  return 'string';
}
