/**
 * Reading SOAP 1.1 envelopes from the Web Connector and its peers: any namespace prefix,
 * document/literal or RPC/encoded with xsi:type, self-closing empty parameters. The text is
 * checked by the structure scan first (scan.ts), then one SOAP 1.1 envelope with one method is
 * required, and only the method element goes through fast-xml-parser (created once: this is the
 * endpoint's hot path). Strings handed out are detached from the request text, so keeping one
 * never keeps the whole body alive.
 */
import {XMLParser} from 'fast-xml-parser';
import {
  ALIAS_EXTRA_PARAMS,
  QBWC_METHODS,
  resolveMethodName,
  methodFromSoapAction,
  SOAP_ENVELOPE_NAMESPACE,
  SoapCodecError,
  SoapFaultError,
  unknownMethodMessage,
  type ParsedRequest,
  type ParsedResponse,
  type QbwcMethod,
  type QbwcResultValue,
  type SoapFault,
  type SoapParamSpec,
  type SoapResultType,
} from './methods';
import {isBlank, malformed, MAX_REQUEST_ELEMENTS, MAX_XML_DEPTH, scanXmlStructure, type OutlineElement} from './scan';

/** Elements a response may hold (a service may add a Header; authenticate returns a few items). */
const MAX_RESPONSE_ELEMENTS = 512;
/** Entries kept by the request cache before it starts over. */
const REQUEST_CACHE_LIMIT = 256;
const PLACEHOLDER_MARK = '\u0001';

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
  /** Whether the Body held an element (the parsed root is that element). */
  hasOperation: boolean;
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
 * Long text runs (the escaped qbXML payloads) are swapped for short placeholders before parsing
 * and read straight from the original text afterwards: the parser walks text one character at a
 * time, and the payload is most of every large request, while its structure still comes from the
 * parser. Only the Body's element is parsed: the scan has already checked the rest.
 */
function parseDocument(xml: string, maxElements: number): ParsedDocument {
  if (typeof xml !== 'string' || xml.length === 0) {
    throw new SoapCodecError('empty', 'The request body is empty; expected a SOAP envelope.');
  }
  const runs: number[] = [];
  const outline = scanXmlStructure(xml, {maxDepth: MAX_XML_DEPTH, maxElements, textRuns: runs});
  const operation = checkEnvelope(xml, outline);
  if (operation === undefined) return {root: {}, xml, runs, hasOperation: false};
  const {start: from, end: to} = operation;
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
  return {root, xml, runs, hasOperation: true};
}

const XMLNS_ATTRIBUTE = /\sxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The namespace URI an element's prefix is bound to, looking in its own tag, then its ancestors'. */
function namespaceOf(xml: string, element: OutlineElement, ancestors: readonly OutlineElement[]): string | undefined {
  const colon = element.name.indexOf(':');
  const prefix = colon === -1 ? undefined : element.name.slice(0, colon);
  for (const scope of [element, ...ancestors]) {
    const tag = xml.slice(scope.start, scope.openEnd);
    for (const match of tag.matchAll(XMLNS_ATTRIBUTE)) {
      if (match[1] === prefix) return match[2] ?? match[3] ?? '';
    }
  }
  return undefined;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function notEnvelope(message: string): SoapCodecError {
  return new SoapCodecError('not-envelope', message);
}

/**
 * Requires one SOAP 1.1 Envelope holding an optional Header and exactly one Body, which holds at
 * most one element (the method, or a Fault). Returns that element, if any.
 */
function checkEnvelope(xml: string, outline: readonly OutlineElement[]): OutlineElement | undefined {
  const root = outline[0]!;
  if (localName(root.name) !== 'Envelope') {
    throw notEnvelope('The root element must be a SOAP 1.1 Envelope with a Body.');
  }
  const namespace = namespaceOf(xml, root, []);
  if (namespace !== SOAP_ENVELOPE_NAMESPACE) {
    throw notEnvelope(`The Envelope must be in the SOAP 1.1 namespace ${SOAP_ENVELOPE_NAMESPACE}.`);
  }
  let body: OutlineElement | undefined;
  let operation: OutlineElement | undefined;
  for (const element of outline) {
    if (element.depth === 2) {
      const name = localName(element.name);
      const isSoap = namespaceOf(xml, element, [root]) === SOAP_ENVELOPE_NAMESPACE;
      if (isSoap && name === 'Header' && body === undefined && element === outline[1]) continue;
      if (isSoap && name === 'Body' && body === undefined) {
        body = element;
        continue;
      }
      throw notEnvelope('The SOAP Envelope must hold one Body (after an optional Header) and nothing else.');
    } else if (element.depth === 3 && body !== undefined && element.start > body.start && element.end <= body.end) {
      if (operation !== undefined) throw notEnvelope('The SOAP Body must hold exactly one method element.');
      operation = element;
    }
  }
  if (body === undefined) throw notEnvelope('The SOAP Envelope must contain exactly one Body.');
  return operation;
}

export interface ParseRequestOptions {
  /** The SOAPAction header, used only when the Body's element does not name a method. */
  soapAction?: string | null;
}

// serverVersion and clientVersion bodies repeat byte for byte across sessions and hold no secret,
// so their parsed form is kept (frozen, bounded) and the parser skipped next time.
const CACHEABLE_METHODS: ReadonlySet<QbwcMethod> = new Set(['serverVersion', 'clientVersion']);
const MAX_CACHED_REQUEST_LENGTH = 1024;
const requestCache = new Map<string, ParsedRequest>();

/**
 * A copy of `text` that shares no memory with the request it was read from. V8 keeps substrings
 * as slices of their parent, so a ten-character HRESULT cut from a 1 MB body would keep the whole
 * body alive for as long as it is stored. Flattening a concatenation makes a new string.
 */
function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** The Body's element: its name and parsed content, or undefined when the Body is empty. */
function operationOf(doc: ParsedDocument): [string, ParsedNode] | undefined {
  return doc.hasOperation ? firstElement(doc.root) : undefined;
}

function refuseUnknownChildren(method: QbwcMethod, alias: string, element: ParsedNode | undefined): void {
  if (element === undefined) return;
  if (typeof element === 'string') {
    if (!isBlank(element, 0, element.length))
      throw new SoapCodecError('bad-parameter', `${method} must hold parameter elements, not text.`);
    return;
  }
  if (Array.isArray(element)) throw notEnvelope('The SOAP Body must hold exactly one method element.');
  const specs = QBWC_METHODS[method].params as readonly SoapParamSpec[];
  const extra = ALIAS_EXTRA_PARAMS[alias] ?? [];
  for (const key in element) {
    if (key === '#text') {
      const text = element[key];
      if (typeof text === 'string' && isBlank(text, 0, text.length)) continue;
      throw new SoapCodecError('bad-parameter', `${method} must hold parameter elements, not text.`);
    }
    if (specs.some((spec) => spec.name === key) || extra.includes(key)) continue;
    const names = specs.map((spec) => spec.name).join(', ') || 'no parameters';
    throw new SoapCodecError('bad-parameter', `${method} takes ${names}; the request holds another element.`);
  }
}

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
  const doc = parseDocument(xml, MAX_REQUEST_ELEMENTS);
  const operation = operationOf(doc);
  let method = operation ? resolveMethodName(operation[0]) : undefined;
  const fromBody = method !== undefined;
  if (operation !== undefined && !fromBody) throw new SoapCodecError('unknown-method', unknownMethodMessage);
  if (method === undefined) method = methodFromSoapAction(options.soapAction);
  if (method === undefined) throw new SoapCodecError('unknown-method', unknownMethodMessage);
  const element = operation?.[1];
  refuseUnknownChildren(method, operation?.[0] ?? method, element);
  const params: Record<string, string> = {};
  for (const spec of QBWC_METHODS[method].params as readonly SoapParamSpec[]) {
    params[spec.name] =
      element === undefined || typeof element === 'string' || Array.isArray(element)
        ? ''
        : detach(readText(doc, element[spec.name], spec.name));
  }
  if (short && fromBody && CACHEABLE_METHODS.has(method)) {
    const frozen = Object.freeze({method, params: Object.freeze(params)}) as ParsedRequest;
    if (requestCache.size >= REQUEST_CACHE_LIMIT) requestCache.clear();
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
  const doc = parseDocument(xml, MAX_RESPONSE_ELEMENTS);
  const first = operationOf(doc);
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
    const doc = parseDocument(xml, MAX_RESPONSE_ELEMENTS);
    const first = operationOf(doc);
    return first && first[0] === 'Fault' ? readFaultElement(doc, first[1]) : null;
  } catch {
    return null;
  }
}
