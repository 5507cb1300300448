/**
 * Indents a SOAP envelope for reading. The wire form is one long line; people read it nested.
 * Parsing and building both go through fast-xml-parser, so escaped text (such as qbXML carried
 * inside a SOAP element) stays escaped exactly once.
 */
import {XMLBuilder, XMLParser, XMLValidator} from 'fast-xml-parser';

const treeOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // A hostile service must not make the page expand entities or recurse without end.
  processEntities: true,
  htmlEntities: false,
} as const;

/** Above this, the text is shown as it came: indenting it would freeze the page for little gain. */
const MAX_PRETTY_LENGTH = 200_000;

export function formatXml(xml: string): string {
  const text = xml.trim();
  if (text === '' || text.length > MAX_PRETTY_LENGTH) return text;
  if (XMLValidator.validate(text) !== true) return text;
  try {
    const tree: unknown = new XMLParser(treeOptions).parse(text);
    const pretty = new XMLBuilder({...treeOptions, format: true, indentBy: '  ', suppressEmptyNode: true}).build(tree) as string;
    return pretty.trim();
  } catch {
    return text;
  }
}
