import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { rejected, type OutboundResult } from './rejection.ts';
import { NOT_XML_CHAR } from './xml-text.ts';
import { XmlTreeError, decodeTree } from './xml-tree.ts';

/**
 * A document type declaration is where entities are defined, and entity expansion is how one small
 * request becomes gigabytes ("billion laughs") or reads local files (XXE). Salesforce never sends
 * one, so any sign of one refuses the whole document before a parser sees it.
 */
const DTD = /<!\s*(?:DOCTYPE|ENTITY)/i;

/** Outbound Messages are flat: Envelope/Body/notifications/Notification/sObject/field. */
const MAX_DEPTH = 16;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: true,
  ignoreAttributes: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Values stay strings: `00001001` is a case number, not 1001. Typing happens per known field.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  maxNestedTags: MAX_DEPTH,
  // A message with one notification must still read as a list of one.
  isArray: (_name: string, jPath: unknown) => jPath === 'Envelope.Body.notifications.Notification',
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → a decoded tree, refusing DTDs, entities, bad UTF-8 and anything not well-formed. */
export function readXml(bytes: Uint8Array): OutboundResult<unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return rejected('malformed_xml', 'the body is not UTF-8 text');
  }
  if (DTD.test(text)) {
    return rejected('xml_entities_forbidden', 'DOCTYPE and ENTITY declarations are not accepted');
  }
  if (NOT_XML_CHAR.test(text)) return rejected('malformed_xml', 'the body holds a character XML does not allow');

  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    // The validator's own message quotes tag names from the payload; the position is enough.
    const { code, line, col } = verdict.err;
    const where = col ? `line ${line}, column ${col}` : `line ${line}`;
    return rejected('malformed_xml', `the XML is not well-formed (${code} at ${where})`);
  }
  try {
    return { ok: true, value: decodeTree(parser.parse(text)) };
  } catch (error) {
    if (error instanceof XmlTreeError && error.kind === 'mixed') {
      return rejected('invalid_outbound_message', 'an element mixes text and CDATA');
    }
    if (error instanceof XmlTreeError) {
      return rejected('malformed_xml', 'the XML refers to an entity other than &amp; &lt; &gt; &quot; &apos; or &#…;');
    }
    return rejected('malformed_xml', 'the XML parser refused the document');
  }
}
