import { badRequest } from '../api-error.ts';
import { isDate, parseHsInstant } from '../datetime.ts';
import { resolveObjectType } from '../object-types.ts';
import { propertyOf, type HsRecord, type HubSpotPortal } from '../portal.ts';
import { objectBody } from './body.ts';

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Filter {
  readonly propertyName: string;
  readonly operator: Operator;
  readonly value?: string;
  readonly values?: readonly string[];
  readonly highValue?: string;
}

const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const VALUELESS: readonly Operator[] = ['HAS_PROPERTY', 'NOT_HAS_PROPERTY'];
const LISTS: readonly Operator[] = ['IN', 'NOT_IN'];

/** `filterGroups` of a search body: groups are ORed, the filters of a group ANDed. */
export function parseFilterGroups(value: unknown): Filter[][] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('Invalid input JSON: filterGroups must be a list');
  if (value.length > MAX_GROUPS)
    throw badRequest(`Too many filter groups (${value.length}); the limit is ${MAX_GROUPS}`);
  return value.map((group: unknown) => {
    const filters = objectBody(group).filters ?? [];
    if (!Array.isArray(filters)) throw badRequest('Invalid input JSON: filters must be a list');
    if (filters.length > MAX_FILTERS_PER_GROUP) {
      throw badRequest(`Too many filters in a group (${filters.length}); the limit is ${MAX_FILTERS_PER_GROUP}`);
    }
    return filters.map((item: unknown) => parseFilter(objectBody(item)));
  });
}

function parseFilter(raw: Readonly<Record<string, unknown>>): Filter {
  const { propertyName, operator, value, values, highValue } = raw;
  if (typeof propertyName !== 'string' || propertyName === '') throw badRequest('Each filter needs a propertyName');
  if (!OPERATORS.includes(operator as Operator)) {
    throw badRequest(`Unknown filter operator ${String(operator)}; use one of ${OPERATORS.join(', ')}`);
  }
  const op = operator as Operator;
  if (LISTS.includes(op) && !Array.isArray(values)) throw badRequest(`${op} needs values: a list`);
  if (!LISTS.includes(op) && !VALUELESS.includes(op) && (value === undefined || value === null)) {
    throw badRequest(`${op} on ${propertyName} needs a value`);
  }
  if (op === 'BETWEEN' && (highValue === undefined || highValue === null))
    throw badRequest('BETWEEN needs a highValue');
  return {
    propertyName: propertyName.toLowerCase(),
    operator: op,
    ...(value === undefined || value === null ? {} : { value: String(value) }),
    ...(Array.isArray(values) ? { values: values.map(String) } : {}),
    ...(highValue === undefined || highValue === null ? {} : { highValue: String(highValue) }),
  };
}

/** Whether a record passes a filter. `associations.contact` filters on associated record ids. */
export function passes(portal: HubSpotPortal, record: HsRecord, filter: Filter): boolean {
  if (filter.propertyName.startsWith('associations.')) return passesAssociation(portal, record, filter);
  const raw = propertyOf(record, filter.propertyName);
  const present = raw !== null && raw !== '';
  const type = portal.catalog.get(record.type, filter.propertyName)?.type ?? 'string';
  const cmp = (other: string | undefined) => (present && other !== undefined ? compare(type, raw, other) : undefined);
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return present;
    case 'NOT_HAS_PROPERTY':
      return !present;
    case 'EQ':
      return cmp(filter.value) === 0;
    case 'NEQ':
      return cmp(filter.value) !== 0;
    case 'LT':
      return (cmp(filter.value) ?? 0) < 0;
    case 'LTE':
      return (cmp(filter.value) ?? 1) <= 0;
    case 'GT':
      return (cmp(filter.value) ?? 0) > 0;
    case 'GTE':
      return (cmp(filter.value) ?? -1) >= 0;
    case 'BETWEEN':
      return (cmp(filter.value) ?? -1) >= 0 && (cmp(filter.highValue) ?? 1) <= 0;
    case 'IN':
      return (filter.values ?? []).some((value) => cmp(value) === 0);
    case 'NOT_IN':
      return !(filter.values ?? []).some((value) => cmp(value) === 0);
    case 'CONTAINS_TOKEN':
      return present && containsToken(raw, filter.value ?? '');
    case 'NOT_CONTAINS_TOKEN':
      return !present || !containsToken(raw, filter.value ?? '');
  }
}

function passesAssociation(portal: HubSpotPortal, record: HsRecord, filter: Filter): boolean {
  const toType = resolveObjectType(filter.propertyName.slice('associations.'.length));
  if (!toType) throw badRequest(`Unable to infer object type from: ${filter.propertyName}`);
  const ids = portal.associatedIds(record.type, record.id, toType.name);
  switch (filter.operator) {
    case 'EQ':
      return ids.includes(filter.value ?? '');
    case 'NEQ':
      return !ids.includes(filter.value ?? '');
    case 'IN':
      return (filter.values ?? []).some((value) => ids.includes(value));
    case 'NOT_IN':
      return !(filter.values ?? []).some((value) => ids.includes(value));
    case 'HAS_PROPERTY':
      return ids.length > 0;
    case 'NOT_HAS_PROPERTY':
      return ids.length === 0;
    default:
      throw badRequest(`${filter.operator} is not supported on ${filter.propertyName}`);
  }
}

/** Orders two values the way the property's type does; strings ignore case. Undefined: not comparable. */
export function compare(type: string, a: string, b: string): number | undefined {
  switch (type) {
    case 'number':
      return order(Number(a), Number(b));
    case 'datetime':
    case 'date':
      return order(instantOf(a), instantOf(b));
    default:
      return order(a.toLowerCase(), b.toLowerCase());
  }
}

const instantOf = (text: string): number | undefined =>
  isDate(text) ? Date.parse(`${text}T00:00:00Z`) : parseHsInstant(text);

function order<T extends number | string>(a: T | undefined, b: T | undefined): number | undefined {
  if (a === undefined || b === undefined || (typeof a === 'number' && (Number.isNaN(a) || Number.isNaN(b)))) {
    return undefined;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** HubSpot tokenises text on spaces and punctuation; `*` in the value is a wildcard. */
function containsToken(text: string, value: string): boolean {
  const tokens = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._-]+/u)
    .filter((token) => token !== '');
  const wanted = value.toLowerCase().trim();
  if (wanted.includes('*')) {
    const pattern = new RegExp(`^${wanted.split('*').map(escapeRegExp).join('.*')}$`, 'u');
    return tokens.some((token) => pattern.test(token)) || pattern.test(text.toLowerCase());
  }
  return wanted.split(/\s+/).every((part) => tokens.includes(part));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
