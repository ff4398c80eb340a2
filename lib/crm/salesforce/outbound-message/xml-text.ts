/**
 * Text of an XML document read with entity processing off: the parser leaves references as written,
 * so we resolve the five predefined entities and character references here. Each reference stands for
 * exactly one character — nothing can expand. Any other named reference would need a DTD, which we
 * refuse, so it is an error, as XML itself says.
 */
const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const REFERENCE = /&([^&;]*);|&/g;

/** The decoded text, or undefined when it holds a reference XML does not allow here. */
export function decodeXmlText(raw: string): string | undefined {
  if (!raw.includes('&')) return raw;
  let wrong = false;
  const decoded = raw.replace(REFERENCE, (whole, name: string | undefined) => {
    const character = name === undefined ? undefined : resolve(name);
    if (character === undefined) wrong = true;
    return character ?? whole;
  });
  return wrong ? undefined : decoded;
}

function resolve(name: string): string | undefined {
  const predefined = PREDEFINED.get(name);
  if (predefined !== undefined) return predefined;
  const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (!numeric) return undefined;
  const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
  return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : undefined;
}

/** XML 1.0 `Char`: no NUL, no other C0 controls but tab and line ends, no surrogates, no U+FFFE/FFFF. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** A character outside XML 1.0 `Char` (the parser would pass these through). */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
