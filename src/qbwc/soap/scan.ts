/**
 * A linear structure and safety scan, run on untrusted XML before any parser sees it. It refuses,
 * at a cost proportional to how far it had to read:
 * - characters XML 1.0 forbids (NUL, most C0 controls, U+FFFE/U+FFFF, lone surrogates);
 * - any processing instruction other than a leading XML declaration, and every DOCTYPE or ENTITY
 *   declaration, so the scan and the parser can never disagree about where markup ends and entity
 *   expansion can never start;
 * - nesting deeper than `maxDepth` and more elements than `maxElements`;
 * - the well-formedness faults a lenient parser lets through (unbalanced tags, several roots,
 *   stray text outside the root).
 * It only looks at markup boundaries: the escaped qbXML payload is skipped with indexOf. It returns
 * an outline of the top three levels (Envelope, Header/Body, the method) for the SOAP checks.
 */
import {SoapCodecError} from './methods';
import {hasNonXmlCharacter} from '../xml-chars';

/** Deeper documents are refused: a QBWC envelope is four levels deep. */
export const MAX_XML_DEPTH = 32;
/** Elements a request may hold: a real Web Connector envelope has under twenty. */
export const MAX_REQUEST_ELEMENTS = 64;

export interface ScanOptions {
  maxDepth?: number;
  maxElements?: number;
  /** Receives [start, end) offsets of text runs between tags at least `LONG_TEXT_RUN` long. */
  textRuns?: number[];
}

/** One element of the outline's top levels. Offsets index the scanned text. */
export interface OutlineElement {
  /** The tag name as written, prefix included. */
  name: string;
  /** 1 for the root. */
  depth: number;
  start: number;
  /** Offset just after the '>' of the start tag. */
  openEnd: number;
  /** Offset just after the end tag ('>' of a self-closing tag). */
  end: number;
}

/** Longest element name, and longest start tag (name and attributes), a message may use. */
const MAX_NAME_LENGTH = 256;
const MAX_START_TAG_LENGTH = 4096;

/** Text runs at least this long are worth skipping in the parser (see read.ts). */
export const LONG_TEXT_RUN = 128;
const OUTLINE_DEPTH = 3;

const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]{1,3}\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]{0,39}\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;

export function malformed(message: string): SoapCodecError {
  return new SoapCodecError('malformed', `The request is not well-formed XML: ${message}.`);
}

function isNameEnd(code: number): boolean {
  // whitespace, '/', '>'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62;
}

export function isBlank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xfeff) return false;
  }
  return true;
}

/** Where a leading XML declaration ends (0 when there is none); refuses a malformed one. */
function skipDeclaration(xml: string): number {
  const from = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!xml.startsWith('<?', from)) return from;
  const end = xml.indexOf('?>', from + 2);
  if (end === -1 || end - from > 200 || !XML_DECLARATION.test(xml.slice(from, end + 2))) {
    throw malformed('the XML declaration is not of the form <?xml version="1.0" encoding="utf-8"?>');
  }
  return end + 2;
}

export function scanXmlStructure(xml: string, options: ScanOptions = {}): OutlineElement[] {
  const maxDepth = options.maxDepth ?? MAX_XML_DEPTH;
  const maxElements = options.maxElements ?? Number.POSITIVE_INFINITY;
  const textRuns = options.textRuns;
  if (hasNonXmlCharacter(xml)) {
    throw new SoapCodecError(
      'forbidden-character',
      'The request contains a character that XML does not allow (such as NUL or a control character).',
    );
  }
  const outline: OutlineElement[] = [];
  const open: string[] = [];
  // For each open element, its index in `outline` (-1 below the outline's depth).
  const openOutline: number[] = [];
  let elements = 0;
  let roots = 0;
  const n = xml.length;
  let i = skipDeclaration(xml);
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (open.length === 0 && !isBlank(xml, i, lt === -1 ? n : lt)) {
      throw malformed('there is text outside the root element');
    }
    if (lt === -1) break;
    if (textRuns !== undefined && open.length > 0 && lt - i >= LONG_TEXT_RUN) textRuns.push(i, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      // Parsers disagree about quotes inside processing instructions; none is needed here.
      throw new SoapCodecError('declaration', 'Processing instructions are not accepted in SOAP messages.');
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw malformed('a comment is not closed');
        i = end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt) && open.length > 0) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw malformed('a CDATA section is not closed');
        i = end + 3;
        continue;
      }
      throw new SoapCodecError('declaration', 'DOCTYPE and ENTITY declarations are not accepted in SOAP messages.');
    }
    if (next === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end === -1) throw malformed('a closing tag is not closed');
      const name = open.pop();
      const index = openOutline.pop();
      if (name === undefined) throw malformed('a closing tag has no opening tag');
      const nameEnd = lt + 2 + name.length;
      if (!xml.startsWith(name, lt + 2) || !isBlank(xml, nameEnd, end)) {
        throw malformed('a closing tag does not match its opening tag');
      }
      if (index !== undefined && index !== -1) outline[index]!.end = end + 1;
      i = end + 1;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < n && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === lt + 1) throw malformed('a "<" is not followed by an element name');
    if (nameEnd - lt - 1 > MAX_NAME_LENGTH) throw malformed(`an element name is longer than ${MAX_NAME_LENGTH} characters`);
    let quote = 0;
    let k = nameEnd;
    const tagLimit = Math.min(n, lt + MAX_START_TAG_LENGTH);
    for (; k < tagLimit; k++) {
      const code = xml.charCodeAt(k);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 34 || code === 39) {
        quote = code;
      } else if (code === 62 /* > */) {
        break;
      } else if (code === 60 /* < */) {
        throw malformed('an element tag is not closed');
      }
    }
    if (k >= n) throw malformed('an element tag is not closed');
    if (k >= tagLimit) throw malformed(`a start tag is longer than ${MAX_START_TAG_LENGTH} characters`);
    if (open.length === 0 && ++roots > 1) throw malformed('there is more than one root element');
    const depth = open.length + 1;
    if (depth > maxDepth) {
      throw new SoapCodecError('too-deep', `Elements are nested more than ${maxDepth} levels deep.`);
    }
    if (++elements > maxElements) {
      throw new SoapCodecError('too-many-elements', `The message holds more than ${maxElements} elements.`);
    }
    const selfClosing = xml.charCodeAt(k - 1) === 47;
    let index = -1;
    if (depth <= OUTLINE_DEPTH) {
      index = outline.length;
      outline.push({name: xml.slice(lt + 1, nameEnd), depth, start: lt, openEnd: k + 1, end: k + 1});
    }
    if (!selfClosing) {
      open.push(xml.slice(lt + 1, nameEnd));
      openOutline.push(index);
    }
    i = k + 1;
  }
  if (open.length > 0) throw malformed('an element is not closed');
  if (roots === 0) throw malformed('there is no root element');
  return outline;
}
