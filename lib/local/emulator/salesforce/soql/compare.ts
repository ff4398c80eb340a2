import type { FieldValue } from '../../../../core/model/crm-event.ts';
import { parseDateTime } from '../datetime.ts';
import type { FieldDef } from '../schema.ts';

/** A stored value and a literal brought to one comparable form for the field's type. */
export type Comparable = string | number | boolean;

const TEXT_TYPES = new Set(['string', 'textarea', 'picklist', 'email', 'phone']);

export const isText = (def: FieldDef): boolean => TEXT_TYPES.has(def.type);

/**
 * The comparable form of a stored value: text compares case-insensitively (as SOQL does), ids
 * exactly, datetimes as instants, dates as their ISO text.
 */
export function comparable(def: FieldDef, value: FieldValue | undefined): Comparable | undefined {
  if (value === null || value === undefined) return undefined;
  if (isText(def)) return String(value).toLowerCase();
  if (def.type === 'id' || def.type === 'reference') return String(value).slice(0, 15); // 15 or 18, one record
  if (def.type === 'datetime') return typeof value === 'string' ? parseDateTime(value) : undefined;
  return value;
}

export function order(a: Comparable, b: Comparable): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Number(a) - Number(b);
}

/** A LIKE pattern (as written, escapes intact) → a case-insensitive, anchored regular expression. */
export function likePattern(raw: string): RegExp {
  let source = '';
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw.charAt(i);
    if (char === '\\') {
      const next = raw.charAt(i + 1);
      source += escapeRegExp(next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next);
      i += 1;
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'is');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
