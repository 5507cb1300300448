/**
 * SOAP 1.1 codec for the eleven QuickBooks Web Connector methods.
 *
 * Reads what the Web Connector and its peers send (any namespace prefix, document/literal or
 * RPC/encoded with xsi:type, self-closing empty parameters) and writes the .NET wire shape the
 * Web Connector was built against. Parsing and building go through fast-xml-parser; the parser
 * and builder instances are created once because this code sits on the endpoint's hot path.
 */
import {XMLBuilder, XMLParser} from 'fast-xml-parser';

export const QBWC_NAMESPACE = 'http://developer.intuit.com/';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';

/** Entries kept by each of the codec's small caches before it starts over. */
const RESPONSE_CACHE_LIMIT = 256;

/** Deeper documents are refused: a QBWC envelope is four levels deep. */
export const MAX_XML_DEPTH = 32;

export type SoapParamType = 'string' | 'int';
export type SoapResultType = 'string' | 'int' | 'string[]';

export interface SoapParamSpec {
  readonly name: string;
  readonly type: SoapParamType;
  /** WSDL minOccurs: the two qbXML version ints are required, every string is optional. */
  readonly required: boolean;
}

export interface SoapMethodSpec {
  readonly params: readonly SoapParamSpec[];
  readonly result: SoapResultType;
  /** What the method is for, used in the WSDL documentation and on the support page. */
  readonly summary: string;
}

const text = (name: string) => ({name, type: 'string', required: false}) as const;
const int = (name: string) => ({name, type: 'int', required: true}) as const;

/**
 * The one table of methods, parameter names (in wire order) and result types. The codec, the
 * WSDL generator and the service all read it, so a name can only be wrong in one place.
 */
export const QBWC_METHODS = {
  serverVersion: {params: [], result: 'string', summary: 'Returns the service version shown in the Web Connector.'},
  clientVersion: {
    params: [text('strVersion')],
    result: 'string',
    summary: 'Receives the Web Connector version; "" accepts it, "W:" warns, "E:" stops, "O:" asks for an upgrade.',
  },
  authenticate: {
    params: [text('strUserName'), text('strPassword')],
    result: 'string[]',
    summary: 'Checks the user name and password; returns a ticket and a company file, "none", "busy" or "nvu".',
  },
  sendRequestXML: {
    params: [
      text('ticket'),
      text('strHCPResponse'),
      text('strCompanyFileName'),
      text('qbXMLCountry'),
      int('qbXMLMajorVers'),
      int('qbXMLMinorVers'),
    ],
    result: 'string',
    summary: 'Returns the next qbXML request for QuickBooks, or "" when there is none.',
  },
  receiveResponseXML: {
    params: [text('ticket'), text('response'), text('hresult'), text('message')],
    result: 'int',
    summary: "Receives QuickBooks' qbXML response; returns percent done, or a negative number on error.",
  },
  connectionError: {
    params: [text('ticket'), text('hresult'), text('message')],
    result: 'string',
    summary: 'Told that QuickBooks could not be opened; returns "done" or another company file to try.',
  },
  getLastError: {
    params: [text('ticket')],
    result: 'string',
    summary: 'Returns the last error message, "NoOp" (wait and retry) or "Interactive mode".',
  },
  closeConnection: {
    params: [text('ticket')],
    result: 'string',
    summary: 'Ends the session; returns the status text shown in the Web Connector.',
  },
  getInteractiveURL: {
    params: [text('wcTicket'), text('sessionID')],
    result: 'string',
    summary: 'Returns the URL of an interactive page (interactive mode).',
  },
  interactiveDone: {
    params: [text('wcTicket')],
    result: 'string',
    summary: 'Asks whether the interactive page is finished; returns "Done" when it is.',
  },
  interactiveRejected: {
    params: [text('wcTicket'), text('reason')],
    result: 'string',
    summary: 'Told that the user declined interactive mode; returns a message to show.',
  },
} as const satisfies Record<string, SoapMethodSpec>;

export type QbwcMethod = keyof typeof QBWC_METHODS;
export const QBWC_METHOD_NAMES = Object.keys(QBWC_METHODS) as QbwcMethod[];

export type QbwcParamName<M extends QbwcMethod> = (typeof QBWC_METHODS)[M]['params'][number]['name'];
/** Every parameter arrives as text; a missing or empty element reads as "". */
export type QbwcParams<M extends QbwcMethod> = {[K in QbwcParamName<M>]: string};
type ResultTypeMap = {string: string; int: number; 'string[]': string[]};
export type QbwcResult<M extends QbwcMethod> = ResultTypeMap[(typeof QBWC_METHODS)[M]['result']];
export type QbwcResultValue = string | number | string[];

export type ParsedRequest = {[M in QbwcMethod]: {method: M; params: QbwcParams<M>}}[QbwcMethod];
export type ParsedResponse = {[M in QbwcMethod]: {method: M; result: QbwcResult<M>}}[QbwcMethod];

export type SoapFaultCode = 'soap:Client' | 'soap:Server';

export type SoapCodecErrorReason =
  'empty' | 'declaration' | 'too-deep' | 'malformed' | 'not-envelope' | 'unknown-method' | 'bad-parameter' | 'bad-result';

/** The input could not be accepted. The message is safe to send back: it never quotes the input. */
export class SoapCodecError extends Error {
  readonly faultCode: SoapFaultCode;
  readonly reason: SoapCodecErrorReason;
  constructor(reason: SoapCodecErrorReason, message: string, faultCode: SoapFaultCode = 'soap:Client') {
    super(message);
    this.name = 'SoapCodecError';
    this.reason = reason;
    this.faultCode = faultCode;
  }
}

/** A response envelope carried a SOAP Fault instead of a result. */
export class SoapFaultError extends Error {
  readonly faultCode: string;
  readonly faultString: string;
  constructor(faultCode: string, faultString: string) {
    super(faultString ? `${faultCode}: ${faultString}` : faultCode);
    this.name = 'SoapFaultError';
    this.faultCode = faultCode;
    this.faultString = faultString;
  }
}

export interface SoapFault {
  code: string;
  message: string;
}

export function isQbwcMethod(name: string): name is QbwcMethod {
  return Object.prototype.hasOwnProperty.call(QBWC_METHODS, name);
}

/** PG 2.0 documents getServerVersion; every shipped client and WSDL says serverVersion. */
const METHOD_ALIASES: Readonly<Record<string, QbwcMethod>> = {getServerVersion: 'serverVersion'};

function resolveMethodName(name: string): QbwcMethod | undefined {
  if (isQbwcMethod(name)) return name;
  return Object.prototype.hasOwnProperty.call(METHOD_ALIASES, name) ? METHOD_ALIASES[name] : undefined;
}

/** `"http://developer.intuit.com/authenticate"` (quotes optional) -> 'authenticate'. */
export function methodFromSoapAction(soapAction: string | undefined | null): QbwcMethod | undefined {
  if (!soapAction) return undefined;
  let value = soapAction.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  const cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('#'));
  return resolveMethodName(value.slice(cut + 1));
}

export function soapActionFor(method: QbwcMethod): string {
  return `"${QBWC_NAMESPACE}${method}"`;
}

// ---------------------------------------------------------------------------------------------
// Reading

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // The qbXML payload must come through exactly, line breaks included.
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Only the five predefined entities and character references are honoured, by decodeXmlText
  // below; DOCTYPE-declared entities never get this far (scanXmlStructure refuses them).
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  maxNestedTags: MAX_XML_DEPTH,
  jPath: false,
});

function isNameEnd(code: number): boolean {
  // whitespace, '/', '>'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62;
}

function isBlank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xfeff) return false;
  }
  return true;
}

function malformed(message: string): SoapCodecError {
  return new SoapCodecError('malformed', `The request is not well-formed XML: ${message}.`);
}

/** Text runs at least this long are handed to the parser as a placeholder (see parseDocument). */
const LONG_TEXT_RUN = 128;
const PLACEHOLDER_MARK = '\u0001';

/**
 * A linear pre-scan, run before the parser: refuses DOCTYPE/ENTITY declarations (so entity
 * expansion can never start), nesting deeper than `maxDepth`, and the well-formedness faults the
 * lenient parser would let through (unbalanced tags, several roots, stray text). It only looks
 * at markup boundaries; the escaped qbXML payload is skipped with indexOf. When `textRuns` is
 * given, it receives [start, end) offsets of long text runs between tags.
 */
export function scanXmlStructure(xml: string, maxDepth: number = MAX_XML_DEPTH, textRuns?: number[], bodyChild?: number[]): void {
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (open.length === 0 && !isBlank(xml, i, lt === -1 ? n : lt)) {
      throw malformed('there is text outside the root element');
    }
    if (lt === -1) break;
    if (textRuns !== undefined && open.length > 0 && lt - i >= LONG_TEXT_RUN) textRuns.push(i, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw malformed('a processing instruction is not closed');
      i = end + 2;
      continue;
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
      if (name === undefined) throw malformed('a closing tag has no opening tag');
      const nameEnd = lt + 2 + name.length;
      if (!xml.startsWith(name, lt + 2) || !isBlank(xml, nameEnd, end)) {
        throw malformed('a closing tag does not match its opening tag');
      }
      if (bodyChild !== undefined && open.length === 2 && bodyChild.length === 1) bodyChild.push(end + 1);
      i = end + 1;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < n && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === lt + 1) throw malformed('a "<" is not followed by an element name');
    let quote = 0;
    let k = nameEnd;
    for (; k < n; k++) {
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
    if (open.length === 0 && ++roots > 1) throw malformed('there is more than one root element');
    if (open.length + 1 > maxDepth) {
      throw new SoapCodecError('too-deep', `Elements are nested more than ${maxDepth} levels deep.`);
    }
    const selfClosing = xml.charCodeAt(k - 1) === 47;
    if (
      bodyChild !== undefined &&
      open.length === 2 &&
      bodyChild.length === 0 &&
      isSoapPart(open[0]!, 'Envelope') &&
      isSoapPart(open[1]!, 'Body')
    ) {
      bodyChild.push(lt);
      if (selfClosing) bodyChild.push(k + 1);
    }
    if (!selfClosing) open.push(xml.slice(lt + 1, nameEnd));
    i = k + 1;
  }
  if (open.length > 0) throw malformed('an element is not closed');
  if (roots === 0) throw malformed('there is no root element');
}

/** True when a tag name is `local` with or without a namespace prefix. */
function isSoapPart(tagName: string, local: string): boolean {
  return tagName === local || (tagName.endsWith(local) && tagName.charCodeAt(tagName.length - local.length - 1) === 58); /* : */
}

function decodeReference(ref: string): string {
  switch (ref) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      break;
  }
  let codePoint = Number.NaN;
  if (/^#x[0-9a-fA-F]{1,6}$/.test(ref)) codePoint = parseInt(ref.slice(2), 16);
  else if (/^#[0-9]{1,7}$/.test(ref)) codePoint = parseInt(ref.slice(1), 10);
  const allowed =
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff);
  if (!allowed) {
    throw malformed('the text uses an entity that is not one of the five XML built-ins or a valid character reference');
  }
  return String.fromCodePoint(codePoint);
}

/** Decodes &lt; &gt; &amp; &quot; &apos; and character references; anything else is refused. */
function decodeXmlText(value: string): string {
  let amp = value.indexOf('&');
  if (amp === -1) return value;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const semi = value.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 10) throw malformed('an "&" in the text is not escaped as &amp;');
    out += value.slice(last, amp) + decodeReference(value.slice(amp + 1, semi));
    last = semi + 1;
    amp = value.indexOf('&', last);
  }
  return out + value.slice(last);
}

type ParsedNode = string | ParsedObject | ParsedNode[];
interface ParsedObject {
  [key: string]: ParsedNode;
}

interface ParsedDocument {
  root: ParsedObject;
  xml: string;
  /** [start, end) offsets in `xml` of the text runs the parser saw as placeholders. */
  runs: number[];
}

function normalizeLineEnds(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** Decodes a text node, putting back the long runs the parser only saw as placeholders. */
function resolveText(doc: ParsedDocument, text: string): string {
  let mark = text.indexOf(PLACEHOLDER_MARK);
  if (mark === -1) return decodeXmlText(text);
  let out = '';
  let last = 0;
  while (mark !== -1) {
    const end = text.indexOf(PLACEHOLDER_MARK, mark + 1);
    const index = Number(text.slice(mark + 1, end)) * 2;
    const raw = doc.xml.slice(doc.runs[index], doc.runs[index + 1]);
    out += decodeXmlText(text.slice(last, mark)) + decodeXmlText(normalizeLineEnds(raw));
    last = end + 1;
    mark = text.indexOf(PLACEHOLDER_MARK, last);
  }
  return out + decodeXmlText(text.slice(last));
}

function readText(doc: ParsedDocument, node: ParsedNode | undefined, what: string): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return resolveText(doc, node);
  if (Array.isArray(node)) throw new SoapCodecError('bad-parameter', `${what} appears more than once.`);
  let text = '';
  let cdata: string | undefined;
  for (const key in node) {
    const value = node[key];
    if (key === '#text' && typeof value === 'string') text = value;
    else if (key === '#cdata' && typeof value === 'string') cdata = value;
    else {
      throw new SoapCodecError('bad-parameter', `${what} must hold text, not XML elements: escape embedded qbXML as text.`);
    }
  }
  if (cdata === undefined) return resolveText(doc, text);
  // The parser keeps CDATA apart from text, so their order is lost: only layout whitespace may surround it.
  if (!isBlank(text, 0, text.length)) {
    throw new SoapCodecError('bad-parameter', `${what} mixes a CDATA section with other text; send one or the other.`);
  }
  return cdata;
}

/** The first element child of `node`, ignoring whitespace text. */
function firstElement(node: ParsedNode | undefined): [string, ParsedNode] | undefined {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
  for (const key in node) {
    if (key !== '#text' && key !== '#cdata') return [key, node[key] as ParsedNode];
  }
  return undefined;
}

/**
 * Checks the text with scanXmlStructure, then parses it with fast-xml-parser. Long text runs (the
 * escaped qbXML payloads) are swapped for short placeholders before parsing and read straight
 * from the original text afterwards: the parser walks text one character at a time, and the
 * payload is most of every large request, while its structure still comes from the parser.
 */
function parseDocument(xml: string): ParsedDocument {
  if (typeof xml !== 'string' || xml.length === 0) {
    throw new SoapCodecError('empty', 'The request body is empty; expected a SOAP envelope.');
  }
  if (xml.indexOf(PLACEHOLDER_MARK) !== -1) throw malformed('it contains a control character XML does not allow');
  const runs: number[] = [];
  const bodyChild: number[] = [];
  scanXmlStructure(xml, MAX_XML_DEPTH, runs, bodyChild);
  // Once the scan has checked the whole envelope, only the element inside its Body needs the
  // parser: the Envelope and Body tags around it carry nothing the Web Connector protocol reads.
  const [from, to] = bodyChild.length === 2 ? (bodyChild as [number, number]) : [0, xml.length];
  let source = '';
  let last = from;
  for (let r = 0; r < runs.length; r += 2) {
    if (runs[r]! < from || runs[r + 1]! > to) continue;
    source += `${xml.slice(last, runs[r])}${PLACEHOLDER_MARK}${r / 2}${PLACEHOLDER_MARK}`;
    last = runs[r + 1]!;
  }
  source += xml.slice(last, to);
  let root: ParsedObject;
  try {
    root = parser.parse(source) as ParsedObject;
  } catch {
    // The parser's own messages quote the input; never echo that back.
    throw malformed('the XML parser rejected it');
  }
  if (bodyChild.length === 2) root = {Envelope: {Body: root}};
  return {root, xml, runs};
}

function readBody(doc: ParsedDocument): ParsedNode {
  const envelope = doc.root.Envelope;
  if (envelope === undefined || typeof envelope === 'string' || Array.isArray(envelope)) {
    throw new SoapCodecError('not-envelope', 'The root element must be a SOAP 1.1 Envelope with a Body.');
  }
  const body = envelope.Body;
  if (body === undefined || Array.isArray(body)) {
    throw new SoapCodecError('not-envelope', 'The SOAP Envelope must contain exactly one Body.');
  }
  return body;
}

export interface ParseRequestOptions {
  /** The SOAPAction header, used only when the Body's element does not name a method. */
  soapAction?: string | null;
}

const unknownMethodMessage = `Unknown method. This endpoint implements ${QBWC_METHOD_NAMES.join(', ')} in namespace ${QBWC_NAMESPACE}.`;

// serverVersion and clientVersion bodies repeat byte for byte across sessions and hold no secret,
// so their parsed form is kept (frozen, bounded) and the parser skipped next time.
const CACHEABLE_METHODS: ReadonlySet<QbwcMethod> = new Set(['serverVersion', 'clientVersion']);
const MAX_CACHED_REQUEST_LENGTH = 1024;
const requestCache = new Map<string, ParsedRequest>();

/**
 * Reads a request envelope. Throws SoapCodecError with a message fit for a SOAP Fault. The
 * returned object may be shared between calls: treat it as read-only.
 */
export function parseRequest(xml: string, options: ParseRequestOptions = {}): ParsedRequest {
  const short = typeof xml === 'string' && xml.length <= MAX_CACHED_REQUEST_LENGTH;
  if (short) {
    const cached = requestCache.get(xml);
    if (cached !== undefined) return cached;
  }
  const doc = parseDocument(xml);
  const operation = firstElement(readBody(doc));
  let method = operation ? resolveMethodName(operation[0]) : undefined;
  const fromBody = method !== undefined;
  if (method === undefined) method = methodFromSoapAction(options.soapAction);
  if (method === undefined) throw new SoapCodecError('unknown-method', unknownMethodMessage);
  const element = operation?.[1];
  if (Array.isArray(element)) throw new SoapCodecError('malformed', 'The SOAP Body must contain one method element.');
  const params: Record<string, string> = {};
  for (const spec of QBWC_METHODS[method].params as readonly SoapParamSpec[]) {
    params[spec.name] = element === undefined || typeof element === 'string' ? '' : readText(doc, element[spec.name], spec.name);
  }
  if (short && fromBody && CACHEABLE_METHODS.has(method)) {
    const frozen = Object.freeze({method, params: Object.freeze(params)}) as ParsedRequest;
    if (requestCache.size >= RESPONSE_CACHE_LIMIT) requestCache.clear();
    requestCache.set(xml, frozen);
    return frozen;
  }
  return {method, params} as ParsedRequest;
}

function toResultValue(doc: ParsedDocument, method: QbwcMethod, node: ParsedNode | undefined): QbwcResultValue {
  const kind = QBWC_METHODS[method].result as SoapResultType;
  if (kind === 'string[]') {
    if (node === undefined || typeof node === 'string') return [];
    if (Array.isArray(node)) throw new SoapCodecError('bad-result', `${method}Result appears more than once.`);
    // Items are <string> in .NET; RPC toolkits may name them differently, so take the first kind.
    const items = firstElement(node)?.[1];
    if (items === undefined) return [];
    return (Array.isArray(items) ? items : [items]).map((item) => readText(doc, item, `${method}Result item`));
  }
  const value = readText(doc, node, `${method}Result`);
  if (kind === 'int') {
    const trimmed = value.trim();
    if (!/^[+-]?[0-9]{1,10}$/.test(trimmed)) {
      throw new SoapCodecError('bad-result', `${method}Result must be an integer.`);
    }
    return Number(trimmed);
  }
  return value;
}

/**
 * Reads a response envelope. Throws SoapFaultError when the Body holds a Fault, SoapCodecError
 * when it is not a QBWC response.
 */
export function parseResponse(xml: string): ParsedResponse {
  const doc = parseDocument(xml);
  const first = firstElement(readBody(doc));
  if (first === undefined) throw new SoapCodecError('not-envelope', 'The SOAP Body is empty.');
  const [name, element] = first;
  if (name === 'Fault') {
    const fault = readFaultElement(doc, element);
    throw new SoapFaultError(fault.code, fault.message);
  }
  const method = name.endsWith('Response') ? resolveMethodName(name.slice(0, -'Response'.length)) : undefined;
  if (method === undefined) throw new SoapCodecError('unknown-method', 'The SOAP Body does not hold a QBWC method response.');
  if (Array.isArray(element)) throw new SoapCodecError('malformed', 'The SOAP Body must contain one response element.');
  const resultNode = typeof element === 'string' ? undefined : element[`${method}Result`];
  return {method, result: toResultValue(doc, method, resultNode)} as ParsedResponse;
}

function readFaultElement(doc: ParsedDocument, element: ParsedNode): SoapFault {
  if (typeof element === 'string' || Array.isArray(element)) return {code: '', message: ''};
  return {code: readText(doc, element.faultcode, 'faultcode').trim(), message: readText(doc, element.faultstring, 'faultstring')};
}

/** The Fault in a response envelope, or null when there is none (or the text is not SOAP). */
export function parseFault(xml: string): SoapFault | null {
  try {
    const doc = parseDocument(xml);
    const first = firstElement(readBody(doc));
    return first && first[0] === 'Fault' ? readFaultElement(doc, first[1]) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const TEXT_ESCAPES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;'};

/**
 * Escapes text the way .NET does (quotes stay as they are), in one pass. A CR is written as a
 * reference so it survives XML line-ending normalisation on the other side.
 */
function escapeXmlText(value: string): string {
  return /[&<>\r]/.test(value) ? value.replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char] ?? char) : value;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  format: false,
  // Text is escaped by tagValueProcessor; attribute values here are fixed namespace URIs.
  processEntities: false,
  tagValueProcessor: (_name: string, value: unknown) => (typeof value === 'string' ? escapeXmlText(value) : value),
});

const XML_DECLARATION = {'@_version': '1.0', '@_encoding': 'utf-8'};

function envelope(bodyContent: Record<string, unknown>): string {
  return builder.build({
    '?xml': XML_DECLARATION,
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_ENVELOPE_NAMESPACE,
      '@_xmlns:xsi': XSI_NAMESPACE,
      '@_xmlns:xsd': XSD_NAMESPACE,
      'soap:Body': bodyContent,
    },
  }) as string;
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

function integerText(method: QbwcMethod, value: unknown): string {
  const number = typeof value === 'number' ? value : Number(toText(value).trim());
  if (!Number.isInteger(number) || Math.abs(number) > 2_147_483_647) {
    throw new SoapCodecError('bad-result', `${method} needs a 32-bit integer.`, 'soap:Server');
  }
  return String(number);
}

/**
 * authenticate's array: at least two items, every item written even when empty (a dropped empty
 * <string/> breaks the Web Connector), holes filled so [3] never slides into [2].
 */
function authenticateItems(result: unknown): string[] {
  const source = Array.isArray(result) ? result : [result];
  const length = Math.max(2, source.length);
  const items: string[] = new Array<string>(length);
  for (let i = 0; i < length; i++) items[i] = toText(source[i]);
  return items;
}

// Most responses repeat exactly ("", "OK", 100, the same qbXML): building them once saves the
// builder's work on every later request. Bounded, and never used for ticket-bearing arrays.
const MAX_CACHED_RESULT_LENGTH = 4096;
const responseCache = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= RESPONSE_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Writes a method's response envelope (`<methodResponse><methodResult>`). */
export function buildResponse<M extends QbwcMethod>(method: M, result: QbwcResult<M>): string;
export function buildResponse(method: QbwcMethod, result: QbwcResultValue): string;
export function buildResponse(method: QbwcMethod, result: QbwcResultValue): string {
  if (!isQbwcMethod(method)) throw new SoapCodecError('unknown-method', unknownMethodMessage, 'soap:Server');
  const kind = QBWC_METHODS[method].result as SoapResultType;
  let resultNode: unknown;
  let cacheKey: string | undefined;
  if (kind === 'string[]') {
    resultNode = {string: authenticateItems(result)};
  } else {
    const value = kind === 'int' ? integerText(method, result) : toText(result);
    if (value.length <= MAX_CACHED_RESULT_LENGTH) {
      cacheKey = `${method}\u0000${value}`;
      const cached = responseCache.get(cacheKey);
      if (cached !== undefined) return cached;
    }
    resultNode = value;
  }
  const xml = envelope({
    [`${method}Response`]: {'@_xmlns': QBWC_NAMESPACE, [`${method}Result`]: resultNode},
  });
  return cacheKey === undefined ? xml : remember(responseCache, cacheKey, xml);
}

/** Writes a request envelope with every parameter of the method, in table order. */
export function buildRequest<M extends QbwcMethod>(method: M, params: Partial<QbwcParams<M>>): string;
export function buildRequest(method: QbwcMethod, params: Record<string, string | number | undefined>): string;
export function buildRequest(method: QbwcMethod, params: Record<string, string | number | undefined>): string {
  if (!isQbwcMethod(method)) throw new SoapCodecError('unknown-method', unknownMethodMessage);
  const element: Record<string, unknown> = {'@_xmlns': QBWC_NAMESPACE};
  for (const spec of QBWC_METHODS[method].params as readonly SoapParamSpec[]) {
    const value = params[spec.name];
    element[spec.name] = spec.type === 'int' && (value === undefined || value === '') ? '0' : toText(value);
  }
  return envelope({[method]: element});
}

const faultCache = new Map<string, string>();

/** Writes a SOAP 1.1 Fault. Pass only text that is safe to show: never the request body. */
export function buildFault(code: SoapFaultCode, message: string): string {
  const key = `${code}\u0000${message}`;
  const cached = faultCache.get(key);
  if (cached !== undefined) return cached;
  const xml = envelope({'soap:Fault': {faultcode: code, faultstring: message}});
  return message.length <= MAX_CACHED_RESULT_LENGTH ? remember(faultCache, key, xml) : xml;
}
