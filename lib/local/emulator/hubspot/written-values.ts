import type { FieldValue } from '../../../core/model/crm-event.ts';
import { badRequest, invalidProperties, type PropertyIssue } from './api-error.ts';
import type { ObjectType } from './object-types.ts';
import type { PropertyCatalog } from './property-catalog.ts';
import { coerceValue, inferType } from './property-values.ts';

/**
 * Who writes: `api` is held to the API's rules (known, writable properties; options; owners that
 * exist); `scenario` is a person in the portal (any property, custom ones appear when first used)
 * and fires webhooks like the API; `seed` is what was there before the story starts: no webhooks,
 * owners not checked.
 */
export type WriteSource = 'api' | 'scenario' | 'seed';

export interface WriteChecks {
  readonly catalog: PropertyCatalog;
  readonly ownerExists: (id: string) => boolean;
}

/** The properties a write sets, checked as HubSpot checks them; every refusal is reported at once. */
export function writtenValues(
  checks: WriteChecks,
  type: ObjectType,
  input: unknown,
  source: WriteSource,
): Record<string, string | null> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw badRequest('Invalid input JSON: properties must be an object of property names and values');
  }
  const values: Record<string, string | null> = {};
  const issues: PropertyIssue[] = [];
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    let def = checks.catalog.get(type, name);
    if (!def && source !== 'api') def = checks.catalog.define(type, name, inferType(raw as FieldValue));
    if (!def) {
      issues.push({ name, code: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (def.readOnly && source === 'api') {
      issues.push({
        name,
        code: 'READ_ONLY_VALUE',
        message: `${name} is a read only property; its value cannot be set.`,
      });
      continue;
    }
    const coerced = coerceValue(def, raw);
    if ('issue' in coerced) {
      issues.push(coerced.issue);
      continue;
    }
    if (def.type === 'owner' && coerced.value !== null && source !== 'seed' && !checks.ownerExists(coerced.value)) {
      issues.push({ name, code: 'INVALID_OWNER_ID', message: `${coerced.value} is not a valid owner id` });
      continue;
    }
    values[def.name] = coerced.value;
  }
  if (issues.length > 0) throw invalidProperties(issues);
  return values;
}
