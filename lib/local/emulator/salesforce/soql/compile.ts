import { SalesforceApiError, invalidField, malformedQuery } from '../api-error.ts';
import type { Catalog } from '../catalog.ts';
import { idKey } from '../ids.ts';
import type { SfRecord } from '../org.ts';
import type { FieldDef, ObjectDef } from '../schema.ts';
import type { Condition, Literal, Name, OrderItem } from './ast.ts';
import { comparable, isText, likePattern, order, type Comparable } from './compare.ts';
import { position } from './lexer.ts';
import { parseSoql } from './parser.ts';

export interface CompiledQuery {
  readonly object: ObjectDef;
  readonly select: 'count' | readonly FieldDef[];
  readonly matches: (record: SfRecord) => boolean;
  readonly sort: ((a: SfRecord, b: SfRecord) => number) | undefined;
  readonly limit: number | undefined;
  readonly offset: number;
}

const MAX_OFFSET = 2000;

/** Parses and checks a query against the org's objects, the way Salesforce refuses bad ones. */
export function compileSoql(soql: string, catalog: Catalog): CompiledQuery {
  const query = parseSoql(soql);
  const object = catalog.object(query.from.name);
  if (!object) {
    throw new SalesforceApiError(
      400,
      'INVALID_TYPE',
      located(soql, query.from, `sObject type '${query.from.name}' is not supported.`),
    );
  }
  const field = (name: Name): FieldDef => resolveField(soql, catalog, object, name);
  if ((query.offset ?? 0) > MAX_OFFSET) {
    throw new SalesforceApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
  return {
    object,
    select: query.select === 'count' ? 'count' : selectList(soql, query.select, field),
    matches: query.where ? predicate(soql, query.where, field) : () => true,
    sort: query.orderBy.length > 0 ? comparator(soql, query.orderBy, field) : undefined,
    limit: query.limit,
    offset: query.offset ?? 0,
  };
}

/** The matching records, sorted, with OFFSET and LIMIT applied. */
export function runCompiled(compiled: CompiledQuery, records: readonly SfRecord[]): SfRecord[] {
  const matching = records.filter(compiled.matches);
  if (compiled.sort) matching.sort(compiled.sort);
  const end = compiled.limit === undefined ? undefined : compiled.offset + compiled.limit;
  return matching.slice(compiled.offset, end);
}

function located(soql: string, name: Name, message: string): string {
  return `\n${soql}\n${' '.repeat(name.at)}^\n${position(soql, name.at)}\n${message}`;
}

function resolveField(soql: string, catalog: Catalog, object: ObjectDef, name: Name): FieldDef {
  if (name.name.includes('.')) {
    throw malformedQuery(located(soql, name, `the emulator does not support relationship fields (${name.name})`));
  }
  const def = catalog.field(object.name, name.name);
  if (!def) {
    throw invalidField(
      located(
        soql,
        name,
        `No such column '${name.name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      ),
    );
  }
  return def;
}

function selectList(soql: string, names: readonly Name[], field: (name: Name) => FieldDef): FieldDef[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const def = field(name);
    if (seen.has(def.name)) throw malformedQuery(located(soql, name, `duplicate field selected: ${def.name}`));
    seen.add(def.name);
    return def;
  });
}

function comparator(soql: string, items: readonly OrderItem[], field: (name: Name) => FieldDef) {
  const keys = items.map((item) => {
    const def = field(item.field);
    if (!def.filterable)
      throw invalidField(located(soql, item.field, `field '${def.name}' can not be sorted in a query call`));
    return { def, item };
  });
  return (a: SfRecord, b: SfRecord): number => {
    for (const { def, item } of keys) {
      const x = comparable(def, a[def.name]);
      const y = comparable(def, b[def.name]);
      if (x === undefined || y === undefined) {
        if (x === y) continue;
        return (x === undefined) === item.nullsLast ? 1 : -1;
      }
      const result = order(x, y);
      if (result !== 0) return item.descending ? -result : result;
    }
    return 0;
  };
}

type Test = (record: SfRecord) => boolean;

function predicate(soql: string, condition: Condition, field: (name: Name) => FieldDef): Test {
  switch (condition.kind) {
    case 'and': {
      const tests = condition.operands.map((c) => predicate(soql, c, field));
      return (record) => tests.every((test) => test(record));
    }
    case 'or': {
      const tests = condition.operands.map((c) => predicate(soql, c, field));
      return (record) => tests.some((test) => test(record));
    }
    case 'not': {
      const test = predicate(soql, condition.operand, field);
      return (record) => !test(record);
    }
    case 'in': {
      const def = filterField(soql, condition.field, field);
      const values = condition.values.map((literal) => literalValue(soql, def, literal));
      return (record) => {
        const value = comparable(def, record[def.name]);
        const found = values.some((v) => v === value);
        return condition.negated ? !found : found;
      };
    }
    case 'compare': {
      const def = filterField(soql, condition.field, field);
      if (condition.op === 'like') {
        if (!isText(def) || condition.value.kind !== 'string') {
          throw invalidField(
            located(
              soql,
              condition.field,
              `invalid operator on field '${def.name}': LIKE needs a text field and a quoted pattern`,
            ),
          );
        }
        const pattern = likePattern(condition.value.raw);
        return (record) => {
          const value = record[def.name];
          return typeof value === 'string' && pattern.test(value);
        };
      }
      if (def.type === 'boolean' && condition.op !== '=' && condition.op !== '!=') {
        throw invalidField(located(soql, condition.field, `invalid operator on boolean field '${def.name}'`));
      }
      const literal = literalValue(soql, def, condition.value);
      const op = condition.op;
      return (record) => {
        const value = comparable(def, record[def.name]);
        if (value === undefined || literal === undefined) {
          if (op === '=') return value === literal;
          if (op === '!=') return value !== literal;
          return false;
        }
        const result = order(value, literal);
        switch (op) {
          case '=':
            return result === 0;
          case '!=':
            return result !== 0;
          case '<':
            return result < 0;
          case '>':
            return result > 0;
          case '<=':
            return result <= 0;
          case '>=':
            return result >= 0;
        }
      };
    }
  }
}

function filterField(soql: string, name: Name, field: (name: Name) => FieldDef): FieldDef {
  const def = field(name);
  if (!def.filterable)
    throw invalidField(located(soql, name, `field '${def.name}' can not be filtered in a query call`));
  return def;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  date: 'date',
  datetime: 'dateTime',
  double: 'double',
  boolean: 'boolean',
};

/** A literal checked against the field's type, in the field's comparable form (undefined for null). */
function literalValue(soql: string, def: FieldDef, literal: Literal): Comparable | undefined {
  if (literal.kind === 'null') return undefined;
  const expected = isText(def) || def.type === 'id' || def.type === 'reference' ? 'string' : def.type;
  const kind = literal.kind === 'number' ? 'double' : literal.kind;
  if (kind !== expected) {
    const typeName = TYPE_NAMES[def.type] ?? 'string';
    const quoted = expected === 'string';
    throw invalidField(
      located(
        soql,
        { name: def.name, at: literal.at },
        `value of filter criterion for field '${def.name}' must be of type ${typeName} and should${quoted ? '' : ' not'} be enclosed in quotes`,
      ),
    );
  }
  if (def.type === 'id' || def.type === 'reference') {
    const id = idKey(String(literal.kind === 'string' ? literal.value : ''));
    if (!id) {
      throw new SalesforceApiError(
        400,
        'INVALID_QUERY_FILTER_OPERATOR',
        located(
          soql,
          { name: def.name, at: literal.at },
          `invalid ID field: ${literal.kind === 'string' ? literal.value : ''}`,
        ),
      );
    }
    return id;
  }
  return literal.kind === 'datetime' ? literal.value : comparable(def, literal.value);
}
