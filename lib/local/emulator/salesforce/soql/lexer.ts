import { malformedQuery } from '../api-error.ts';

export type TokenKind = 'word' | 'string' | 'number' | 'date' | 'datetime' | 'operator' | 'punct' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** For strings the unescaped value; for everything else the text as written. */
  readonly value: string;
  /** A string literal as written between its quotes (LIKE needs the escapes). */
  readonly raw: string;
  readonly at: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^-?\d+(\.\d+)?(?![\w-])/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/;
const OPERATOR = /^(<=|>=|!=|<>|=|<|>)/;
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
  // LIKE wildcards stay escaped in `raw`; as plain values they are the characters themselves.
  '%': '%',
  _: '_',
};

/** Where in the query: Salesforce reports `Row:1:Column:8` under a caret line. */
export function position(soql: string, at: number): string {
  const before = soql.slice(0, at);
  const row = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `ERROR at Row:${row}:Column:${column}`;
}

export function syntaxError(soql: string, at: number, message: string): Error {
  return malformedQuery(`\n${soql}\n${' '.repeat(at)}^\n${position(soql, at)}\n${message}`);
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < soql.length) {
    const rest = soql.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    if (rest.startsWith("'")) {
      const { value, raw, length } = readString(soql, at);
      tokens.push({ kind: 'string', value, raw, at });
      at += length;
      continue;
    }
    const match =
      match_('datetime', DATETIME, rest) ??
      match_('date', DATE, rest) ??
      match_('number', NUMBER, rest) ??
      match_('word', WORD, rest) ??
      match_('operator', OPERATOR, rest) ??
      match_('punct', /^[(),]/, rest);
    if (!match) throw syntaxError(soql, at, `unexpected token: '${rest.charAt(0)}'`);
    tokens.push({ kind: match.kind, value: match.text, raw: match.text, at });
    at += match.text.length;
  }
  tokens.push({ kind: 'end', value: '', raw: '', at: soql.length });
  return tokens;
}

function match_(kind: TokenKind, pattern: RegExp, rest: string): { kind: TokenKind; text: string } | undefined {
  const found = pattern.exec(rest);
  return found ? { kind, text: found[0] } : undefined;
}

function readString(soql: string, start: number): { value: string; raw: string; length: number } {
  let value = '';
  let i = start + 1;
  while (i < soql.length) {
    const char = soql.charAt(i);
    if (char === "'") return { value, raw: soql.slice(start + 1, i), length: i + 1 - start };
    if (char === '\\') {
      const next = soql.charAt(i + 1);
      const escaped = ESCAPES[next];
      if (escaped === undefined)
        throw syntaxError(soql, i, `Invalid string literal '${soql.slice(start, i + 2)}'. Illegal escape sequence.`);
      value += escaped;
      i += 2;
      continue;
    }
    value += char;
    i += 1;
  }
  throw syntaxError(soql, start, 'unexpected token: unterminated string literal');
}
