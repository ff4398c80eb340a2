import type { FieldValue } from '../../../core/model/crm-event.ts';
import { SalesforceApiError } from './api-error.ts';
import { isDate, parseDateTime, sfDateTime } from './datetime.ts';
import { normalizeId } from './ids.ts';
import type { FieldDef } from './schema.ts';

const jsonError = (def: FieldDef, value: unknown, as: string): SalesforceApiError =>
  new SalesforceApiError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${as} from value ${JSON.stringify(value)} for field ${def.name}`,
    [def.name],
  );

/**
 * A written value in the form the API answers with: dates `YYYY-MM-DD`, datetimes
 * `…T07:00:00.000+0000`, 18-character ids, empty strings as null (as Salesforce stores them).
 */
export function coerceValue(def: FieldDef, value: unknown): FieldValue {
  if (value === null || value === undefined || value === '') return def.type === 'boolean' ? false : null;
  switch (def.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw jsonError(def, value, 'boolean');
    case 'double': {
      const number = typeof value === 'string' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
      throw jsonError(def, value, 'double');
    }
    case 'date': {
      if (typeof value === 'string' && isDate(value)) return value;
      const t = typeof value === 'string' ? parseDateTime(value) : undefined;
      if (t !== undefined) return new Date(t).toISOString().slice(0, 10);
      throw jsonError(def, value, 'date');
    }
    case 'datetime': {
      const t = typeof value === 'string' ? (isDate(value) ? Date.parse(value) : parseDateTime(value)) : undefined;
      if (t !== undefined) return sfDateTime(t);
      throw jsonError(def, value, 'dateTime');
    }
    case 'id':
    case 'reference': {
      const id = typeof value === 'string' ? normalizeId(value) : undefined;
      if (id) return id;
      throw new SalesforceApiError(400, 'MALFORMED_ID', `${def.name}: id value of incorrect type: ${String(value)}`, [
        def.name,
      ]);
    }
    default: {
      if (typeof value === 'object') throw jsonError(def, value, 'String');
      const text = String(value);
      if (text.length > def.length) {
        throw new SalesforceApiError(
          400,
          'STRING_TOO_LONG',
          `${def.name}: data value too large: ${text.slice(0, 40)}… (max length=${def.length})`,
          [def.name],
        );
      }
      return text;
    }
  }
}

/** A custom field's type, inferred from the first value a scenario gives it. */
export function inferType(value: FieldValue): 'boolean' | 'double' | 'date' | 'datetime' | 'string' {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string' && isDate(value)) return 'date';
  if (typeof value === 'string' && parseDateTime(value) !== undefined) return 'datetime';
  return 'string';
}
