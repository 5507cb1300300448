/**
 * Writing SOAP 1.1 envelopes in the .NET wire shape the Web Connector was built against, through
 * fast-xml-parser's builder (created once: this is the endpoint's hot path).
 */
import {XMLBuilder} from 'fast-xml-parser';
import {
  isQbwcMethod,
  QBWC_METHODS,
  QBWC_NAMESPACE,
  SOAP_ENVELOPE_NAMESPACE,
  SoapCodecError,
  unknownMethodMessage,
  XSD_NAMESPACE,
  XSI_NAMESPACE,
  type QbwcMethod,
  type QbwcParams,
  type QbwcResult,
  type QbwcResultValue,
  type SoapFaultCode,
  type SoapParamSpec,
  type SoapResultType,
} from './methods';
import {hasNonXmlCharacter, replaceNonXmlCharacters} from '../xml-chars';

/** Entries kept by each of the writer's small caches before it starts over. */
const RESPONSE_CACHE_LIMIT = 256;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;'};

/**
 * Escapes text the way .NET does (quotes stay as they are), in one pass. A CR is written as a
 * reference so it survives XML line-ending normalisation on the other side. A character XML
 * cannot carry becomes U+FFFD, so every envelope written is well-formed.
 */
function escapeXmlText(value: string): string {
  const text = hasNonXmlCharacter(value) ? replaceNonXmlCharacters(value, '\uFFFD') : value;
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char] ?? char) : text;
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
