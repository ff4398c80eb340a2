import { isDate, parseDateTime } from '../datetime.ts';
import type { Comparison, Condition, Literal, Name, OrderItem, Query } from './ast.ts';
import { syntaxError, tokenize, type Token } from './lexer.ts';

/** Clauses Salesforce has that the emulator does not: named, so the refusal says what is missing. */
const UNSUPPORTED = new Set(['GROUP', 'HAVING', 'WITH', 'FOR', 'USING', 'TYPEOF', 'UPDATE', 'ALL']);

/**
 * Parses the SOQL subset jsforce and the adapter write: SELECT fields or count(), FROM one object,
 * WHERE with comparisons, IN, LIKE, AND/OR/NOT and parentheses, ORDER BY, LIMIT, OFFSET. As in
 * Salesforce, mixing AND and OR without parentheses is an error. Anything else is MALFORMED_QUERY.
 */
export function parseSoql(soql: string): Query {
  return new Parser(soql).query();
}

class Parser {
  readonly #soql: string;
  readonly #tokens: Token[];
  #i = 0;

  constructor(soql: string) {
    this.#soql = soql;
    this.#tokens = tokenize(soql);
  }

  query(): Query {
    this.#keyword('SELECT');
    const select = this.#selectList();
    this.#keyword('FROM');
    const from = this.#name();
    const where = this.#accept('WHERE') ? this.#condition() : undefined;
    let orderBy: OrderItem[] = [];
    if (this.#accept('ORDER')) {
      this.#keyword('BY');
      orderBy = this.#orderBy();
    }
    const limit = this.#accept('LIMIT') ? this.#integer() : undefined;
    const offset = this.#accept('OFFSET') ? this.#integer() : undefined;
    const end = this.#peek();
    if (end.kind !== 'end') throw this.#unexpected(end);
    return {
      select,
      from,
      ...(where ? { where } : {}),
      orderBy,
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
    };
  }

  #selectList(): 'count' | Name[] {
    const first = this.#peek();
    if (first.kind === 'word' && first.value.toLowerCase() === 'count' && this.#peek(1).value === '(') {
      this.#i += 2;
      if (this.#peek().value !== ')') {
        throw syntaxError(this.#soql, this.#peek().at, 'the emulator supports count() only, not aggregate functions');
      }
      this.#i += 1;
      return 'count';
    }
    const names: Name[] = [this.#name()];
    while (this.#peek().value === ',') {
      this.#i += 1;
      names.push(this.#name());
    }
    return names;
  }

  #condition(): Condition {
    const first = this.#unary();
    const joiner = this.#peekKeyword('AND') ? 'and' : this.#peekKeyword('OR') ? 'or' : undefined;
    if (!joiner) return first;
    const operands = [first];
    while (this.#accept(joiner.toUpperCase())) operands.push(this.#unary());
    const other = this.#peek();
    if (this.#peekKeyword('AND') || this.#peekKeyword('OR')) throw this.#unexpected(other); // needs parentheses
    return { kind: joiner, operands };
  }

  #unary(): Condition {
    if (this.#accept('NOT')) return { kind: 'not', operand: this.#unary() };
    if (this.#peek().value === '(') {
      this.#i += 1;
      const inner = this.#condition();
      this.#expect(')');
      return inner;
    }
    return this.#simple();
  }

  #simple(): Condition {
    const field = this.#name();
    if (this.#accept('NOT')) {
      this.#keyword('IN');
      return { kind: 'in', field, negated: true, values: this.#list() };
    }
    if (this.#accept('IN')) return { kind: 'in', field, negated: false, values: this.#list() };
    if (this.#accept('LIKE')) return { kind: 'compare', field, op: 'like', value: this.#literal() };
    const op = this.#next();
    if (op.kind !== 'operator') throw this.#unexpected(op);
    const comparison = (op.value === '<>' ? '!=' : op.value) as Comparison;
    return { kind: 'compare', field, op: comparison, value: this.#literal() };
  }

  #list(): Literal[] {
    this.#expect('(');
    if (this.#peekKeyword('SELECT')) {
      throw syntaxError(this.#soql, this.#peek().at, 'the emulator does not support semi-join subqueries');
    }
    const values = [this.#literal()];
    while (this.#peek().value === ',') {
      this.#i += 1;
      values.push(this.#literal());
    }
    this.#expect(')');
    return values;
  }

  #literal(): Literal {
    const token = this.#next();
    const at = token.at;
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, raw: token.raw, at };
      case 'number':
        return { kind: 'number', value: Number(token.value), at };
      case 'date':
        if (!isDate(token.value)) throw syntaxError(this.#soql, at, `invalid date: ${token.value}`);
        return { kind: 'date', value: token.value, at };
      case 'datetime': {
        const t = parseDateTime(token.value);
        if (t === undefined || !isDate(token.value.slice(0, 10))) {
          throw syntaxError(this.#soql, at, `invalid dateTime: ${token.value}`);
        }
        return { kind: 'datetime', value: t, at };
      }
      case 'word': {
        const word = token.value.toLowerCase();
        if (word === 'null') return { kind: 'null', at };
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', at };
        throw syntaxError(
          this.#soql,
          at,
          `unexpected token: '${token.value}' (date literals such as TODAY are not supported by the emulator)`,
        );
      }
      default:
        throw this.#unexpected(token);
    }
  }

  #orderBy(): OrderItem[] {
    const items = [this.#orderItem()];
    while (this.#peek().value === ',') {
      this.#i += 1;
      items.push(this.#orderItem());
    }
    return items;
  }

  #orderItem(): OrderItem {
    const field = this.#name();
    const descending = this.#accept('DESC');
    if (!descending) this.#accept('ASC');
    let nullsLast = descending; // Salesforce: ASC puts nulls first, DESC last
    if (this.#accept('NULLS')) {
      nullsLast = this.#accept('LAST');
      if (!nullsLast) this.#keyword('FIRST');
    }
    return { field, descending, nullsLast };
  }

  #integer(): number {
    const token = this.#next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.value)) throw this.#unexpected(token);
    return Number(token.value);
  }

  /** A field or object name; keywords cannot be names. */
  #name(): Name {
    const token = this.#next();
    if (token.kind !== 'word' || isReserved(token.value)) throw this.#unexpected(token);
    return { name: token.value, at: token.at };
  }

  #keyword(word: string): void {
    if (!this.#accept(word)) throw this.#unexpected(this.#peek());
  }

  #accept(word: string): boolean {
    if (!this.#peekKeyword(word)) return false;
    this.#i += 1;
    return true;
  }

  #peekKeyword(word: string): boolean {
    const token = this.#peek();
    return token.kind === 'word' && token.value.toUpperCase() === word;
  }

  #expect(punct: string): void {
    const token = this.#next();
    if (token.value !== punct || token.kind !== 'punct') throw this.#unexpected(token);
  }

  #peek(ahead = 0): Token {
    return this.#tokens[Math.min(this.#i + ahead, this.#tokens.length - 1)] as Token;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#i += 1;
    return token;
  }

  #unexpected(token: Token): Error {
    if (token.kind === 'end') return syntaxError(this.#soql, token.at, 'unexpected token: <EOF>');
    const word = token.value.toUpperCase();
    const hint = UNSUPPORTED.has(word) ? ` (${word} is not supported by the emulator)` : '';
    return syntaxError(
      this.#soql,
      token.at,
      `unexpected token: '${token.kind === 'string' ? `'${token.raw}'` : token.value}'${hint}`,
    );
  }
}

const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
  'NULLS',
  'LIMIT',
  'OFFSET',
  'NULL',
  'TRUE',
  'FALSE',
  'GROUP',
  'HAVING',
  'WITH',
  'FOR',
  'USING',
]);

const isReserved = (word: string): boolean => RESERVED.has(word.toUpperCase());
