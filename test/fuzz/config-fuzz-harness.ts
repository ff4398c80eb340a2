/**
 * Generators of broken YAML documents, shared by the config and scenario fuzz tests, and what a
 * problem message must never look like.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

export const CONFIG_FUZZ_SEED = 20_261_203;

type Path = readonly (string | number)[];

/** Every path in a parsed document, containers and leaves. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return [prefix];
}

function setIn(document: unknown, path: Path, replace: (parent: any, key: string | number) => void): unknown {
  const copy = structuredClone(document) as any;
  if (path.length === 0) return copy;
  let parent = copy;
  for (const part of path.slice(0, -1)) parent = parent[part];
  replace(parent, path[path.length - 1] as string | number);
  return copy;
}

/** Values of every shape, including the ones a YAML author gets by accident. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    null,
    '',
    ' ',
    'yes',
    'no',
    '0',
    '1e400',
    '-1',
    '08:00',
    '1h',
    '0m',
    '-1h',
    '99999999d',
    '2026-02-30',
    '__proto__',
    'constructor',
    'toString',
    [],
    {},
    [[]],
    { __proto__: 1 },
    Number.MAX_SAFE_INTEGER,
    -0,
    1.5,
    true,
    'Europe/Nowhere',
    '\u0000',
    'a\nb',
  ),
);

/** `document` with one node (container or leaf) replaced by a generated value. */
export const replacedNode = (document: unknown) =>
  fc
    .tuple(fc.constantFrom(...pathsOf(document).filter((path) => path.length > 0)), wrongValue)
    .map(([path, value]) => ({
      how: `${JSON.stringify(path)} := ${JSON.stringify(value)}`,
      text: stringify(setIn(document, path, (parent, key) => (parent[key] = value))),
    }));

/** `document` with one key or list item removed (required ones included). */
export const deletedNode = (document: unknown) =>
  fc.constantFrom(...pathsOf(document).filter((path) => path.length > 0)).map((path) => ({
    how: `delete ${JSON.stringify(path)}`,
    text: stringify(
      setIn(document, path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else Reflect.deleteProperty(parent, key);
      }),
    ),
  }));

/** Text made of YAML's syntax, so the parser's error paths are reached rather than one scalar. */
export const yamlish = fc
  .array(
    fc.constantFrom(
      'a:',
      'calendars:',
      'crm:',
      'name:',
      'events:',
      ' ',
      '  ',
      '\n',
      '\t',
      '- ',
      ':',
      '? ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a ',
      '*a',
      '*b',
      '!!str ',
      '!!binary ',
      '!!map ',
      '!foo ',
      '%YAML 1.2\n',
      '%TAG ! tag:x,2000:\n',
      '---\n',
      '...\n',
      '"',
      "'",
      '#',
      '|',
      '>',
      '<<: ',
      '1h',
      '\uFEFF',
      '\u0000',
      '\u2028',
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** Any text at all, and text with a few lines of the valid one cut or shuffled. */
export const randomText = fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), fc.string({ maxLength: 400 }));

export const mangledLines = (valid: string) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: valid.split('\n').length - 1 }),
      fc.constantFrom('cut', 'indent', 'outdent', 'dup', 'truncate'),
    )
    .map(([at, how]) => {
      const lines = valid.split('\n');
      const line = lines[at] ?? '';
      if (how === 'cut') lines.splice(at, 1);
      if (how === 'indent') lines[at] = `   ${line}`;
      if (how === 'outdent') lines[at] = line.trimStart();
      if (how === 'dup') lines.splice(at, 0, line);
      if (how === 'truncate') return lines.slice(0, at).join('\n') + line.slice(0, line.length >> 1);
      return lines.join('\n');
    });

/** Nested 1 000–3 000 deep, flow or block, closed or not, at the top or under a real key. */
export const deepYaml = fc
  .tuple(
    fc.integer({ min: 1_000, max: 3_000 }),
    fc.constantFrom('flow-seq', 'flow-map', 'block-seq'),
    fc.constantFrom('', 'calendars: ', 'crm: ', 'events: '),
    fc.boolean(),
  )
  .map(([levels, style, key, closed]) => {
    if (style === 'flow-seq') return `${key}${'['.repeat(levels)}1${closed ? ']'.repeat(levels) : ''}`;
    if (style === 'flow-map') return `${key}${'{a: '.repeat(levels)}1${closed ? '}'.repeat(levels) : ''}`;
    // Block sequences: `- - - - 1`, all on one line (indentation grows with the depth otherwise).
    return `${key ? `${key}\n  ` : ''}${'- '.repeat(levels)}1`;
  });

/** Aliases expanding to 10^levels nodes ("billion laughs"), in a few shapes. */
export const aliasBomb = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 2, max: 10 }), fc.constantFrom('', 'calendars:\n  ', 'x: '))
  .map(([levels, width, prefix]) => {
    let text = prefix ? `${prefix.trimEnd()}\n` : '';
    const indent = prefix ? '  ' : '';
    text += `${indent}l0: &l0 [${Array.from({ length: width }, () => 'lol').join(', ')}]\n`;
    for (let level = 1; level < levels; level++) {
      text += `${indent}l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(', ')}]\n`;
    }
    return text;
  });

/** Whatever a message says, it is never a stack trace, an exception's name or our source's path. */
export function stackTraceIn(message: string, root: string): string | undefined {
  if (message.includes('    at ')) return 'a stack frame';
  if (/^\s*[A-Za-z]*Error:/.test(message) || /\b[A-Z][A-Za-z]*Error: /.test(message)) return 'an exception name';
  if (message.includes(root) || /\blib\/[\w/.-]+\.ts\b/.test(message) || /node_modules/.test(message)) {
    return 'a source path';
  }
  if (/\.(?:ts|js):\d+(?::\d+)?/.test(message)) return 'a source position';
  return undefined;
}
