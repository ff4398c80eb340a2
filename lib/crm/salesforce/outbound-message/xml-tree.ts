import { decodeXmlText } from './xml-text.ts';

/** Keys fast-xml-parser gives an element's text and CDATA (attributes come as `@_name`). */
export const TEXT = '#text';
export const CDATA = '#cdata';

/** Thrown while decoding; safe-xml.ts turns it into a rejection. */
export class XmlTreeError extends Error {
  readonly kind: 'reference' | 'mixed';
  constructor(kind: 'reference' | 'mixed') {
    super(kind);
    this.kind = kind;
  }
}

/**
 * The parser's tree with references decoded and CDATA taken literally. Whitespace between child
 * elements is dropped; an element left with nothing but text becomes that string, so a plain
 * `<sf:Subject>…</sf:Subject>` reads as a string and one with attributes as `{ '#text', '@_nil' … }`.
 */
export function decodeTree(node: unknown): unknown {
  if (typeof node === 'string') return decodeText(node);
  if (Array.isArray(node)) return node.map(decodeTree);
  if (node === null || typeof node !== 'object') return node;

  const element: Record<string, unknown> = {};
  let text: unknown;
  let cdata: string | undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key === CDATA) cdata = (Array.isArray(value) ? value : [value]).join('');
    else if (key === TEXT) text = decodeTree(value);
    else element[key] = decodeTree(value);
  }
  const hasText = typeof text === 'string' && text.trim() !== '';
  // Text and CDATA in one element: the parser keeps them apart, so their order is lost.
  if (cdata !== undefined && hasText) throw new XmlTreeError('mixed');
  const hasChildren = Object.keys(element).some((key) => !key.startsWith('@_'));
  const content = cdata ?? (hasText || !hasChildren ? text : undefined);
  if (content === undefined) return element;
  if (Object.keys(element).length === 0) return content;
  element[TEXT] = content;
  return element;
}

function decodeText(raw: string): string {
  const decoded = decodeXmlText(raw);
  if (decoded === undefined) throw new XmlTreeError('reference');
  return decoded;
}
