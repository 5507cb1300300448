/**
 * fast-check generators of what an attacker (or a broken client) sends the server: valid Web
 * Connector envelopes mutated, hostile XML shapes, random bytes in several encodings, odd headers
 * (Range, Content-Length, Content-Type, SOAPAction, forwarded headers) and odd paths.
 */
import fc from 'fast-check';
import {buildRequest, QBWC_METHOD_NAMES, soapActionFor, type QbwcMethod} from '../../src/qbwc/soap';

export interface HostileRequest {
  /** What kind of request this is, for grouping failures. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Sent as Content-Length instead of the real length (a lie), over a raw socket. */
  declaredLength?: number;
}

const methodName = fc.constantFrom(...QBWC_METHOD_NAMES);
const shortText = fc.string({maxLength: 40});
const anyText = fc.oneof(shortText, fc.string({unit: 'binary', maxLength: 80}), fc.constantFrom('', ' ', 'nvu', '0x80040400'));

const validEnvelope = fc.tuple(methodName, fc.array(anyText, {maxLength: 6})).map(([method, values]) => {
  const params: Record<string, string> = {};
  ['ticket', 'strUserName', 'strPassword', 'strVersion', 'response', 'hresult', 'message', 'strHCPResponse'].forEach(
    (name, i) => (params[name] = values[i % Math.max(1, values.length)] ?? ''),
  );
  return {method, xml: buildRequest(method as QbwcMethod, params)};
});

const SNIPPETS = [
  '<!DOCTYPE d [<!ENTITY e "X">]>',
  '<?x "?><!--"?><!DOCTYPE d [<!ENTITY e "X">]>-->',
  '<?php ?>',
  '&e;',
  '&#0;',
  '&#xFFFE;',
  '\u0000',
  '\u0008',
  '\uFFFE',
  '\uD800',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<a>',
  '</a>',
  '<soap:Body>',
  '</soap:Envelope>',
  '<x xmlns:soap="urn:evil">',
  '"',
  "'",
  '>',
  '<',
];

/** A valid envelope with a few edits: insert a snippet, delete or duplicate a slice, truncate. */
const mutatedEnvelope = fc
  .tuple(
    validEnvelope,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(fc.constantFrom(...SNIPPETS), anyText),
        fc.constantFrom('insert', 'delete', 'duplicate', 'truncate'),
      ),
      {minLength: 1, maxLength: 4},
    ),
  )
  .map(([{method, xml}, edits]) => {
    let text = xml;
    for (const [position, snippet, edit] of edits) {
      const at = position % (text.length + 1);
      if (edit === 'insert') text = text.slice(0, at) + snippet + text.slice(at);
      else if (edit === 'delete') text = text.slice(0, at) + text.slice(at + 1 + (position % 20));
      else if (edit === 'duplicate') text = text.slice(0, at) + text.slice(at, at + 30) + text.slice(at);
      else text = text.slice(0, at);
    }
    return {method, xml: text};
  });

/** Shapes that cost a naive parser a lot: floods, depth, long names, many attributes. */
const hostileShape = fc
  .tuple(fc.constantFrom('flood', 'deep', 'attributes', 'longname', 'bigtext', 'twobodies'), fc.integer({min: 1, max: 200_000}))
  .map(([shape, count]) => {
    const open =
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>';
    const close = '</soap:Body></soap:Envelope>';
    switch (shape) {
      case 'flood':
        return {method: 'authenticate', xml: `${open}<authenticate>${'<a/>'.repeat(count)}</authenticate>${close}`};
      case 'deep':
        return {method: 'authenticate', xml: `${open}${'<a>'.repeat(count % 5000)}${'</a>'.repeat(count % 5000)}${close}`};
      case 'attributes':
        return {method: 'serverVersion', xml: `${open}<serverVersion ${'a="1" '.repeat(count % 50_000)}/>${close}`};
      case 'longname':
        return {method: 'serverVersion', xml: `${open}<${'n'.repeat(count)}/>${close}`};
      case 'bigtext':
        return {
          method: 'getLastError',
          xml: `${open}<getLastError><ticket>${'t'.repeat(count * 4)}</ticket></getLastError>${close}`,
        };
      default:
        return {method: 'closeConnection', xml: `${open}<closeConnection/></soap:Body><soap:Body><closeConnection/>${close}`};
    }
  });

const encodedBody = fc
  .tuple(fc.oneof(validEnvelope, mutatedEnvelope), fc.constantFrom('utf8', 'utf16le', 'latin1'))
  .map(([{method, xml}, encoding]) => ({method, body: Buffer.from(xml, encoding as BufferEncoding), encoding}));

const contentType = fc.oneof(
  fc.constantFrom(
    'text/xml; charset=utf-8',
    'text/xml',
    'application/soap+xml',
    'text/xml; charset=utf-16',
    'application/json',
    '',
  ),
  shortText,
);
const soapAction = fc.oneof(
  methodName.map((m) => soapActionFor(m as QbwcMethod)),
  shortText,
);
const forwarded = fc.option(fc.constantFrom('attacker.example, real.example', 'x'.repeat(300), '[::1]:99999', ''), {
  nil: undefined,
});

function headerSafe(value: string): string {
  // Node refuses to send control characters in a header value; keep the rest as it is.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\uffff]/g, '?');
}

const soapPost: fc.Arbitrary<HostileRequest> = fc
  .tuple(
    fc.oneof(
      encodedBody,
      hostileShape.map(({method, xml}) => ({method, body: Buffer.from(xml), encoding: 'utf8'})),
      fc.uint8Array({maxLength: 2048}).map((bytes) => ({method: 'random', body: Buffer.from(bytes), encoding: 'bytes'})),
    ),
    contentType,
    soapAction,
    forwarded,
  )
  .map(([{method, body, encoding}, type, action, host]) => ({
    kind: `soap:${method}:${encoding}`,
    method: 'POST',
    path: '/qbwc',
    headers: {
      'content-type': headerSafe(type),
      soapaction: headerSafe(action),
      ...(host !== undefined ? {'x-forwarded-host': host} : {}),
    },
    body,
  }));

const ranges = fc.oneof(
  fc.constantFrom(
    'bytes=5-2',
    'bytes=0-18446744073709551615',
    'bytes=0-1,5-9',
    'bytes=-500',
    'bytes=abc',
    'bytes=999999999-',
    'bytes=0-0',
  ),
  fc.tuple(fc.bigInt({min: -1n, max: 2n ** 70n}), fc.bigInt({min: -1n, max: 2n ** 70n})).map(([a, b]) => `bytes=${a}-${b}`),
  shortText.map(headerSafe),
);
const PATHS = [
  '/',
  '/index.html',
  '/img/logo.svg',
  '/docs/troubleshooting',
  '/assets/../../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/qbwc/support',
  '/qbwc?wsdl',
  '/qbwc/health',
  '/qbwc/feedback',
  '/qbwc/sessions?user=%E0',
  '/qbwc/support?user=<script>',
  '/%00',
  '/%E0%A4%A',
  `/${'a'.repeat(5000)}`,
  '/qbwc/../etc/passwd',
  '//qbwc',
];
const staticGet: fc.Arbitrary<HostileRequest> = fc
  .tuple(
    fc.constantFrom(...PATHS),
    fc.option(ranges, {nil: undefined}),
    fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'DELETE', 'PUT'),
    forwarded,
  )
  .map(([path, range, method, host]) => ({
    kind: `path:${method}`,
    method,
    path,
    headers: {...(range !== undefined ? {range} : {}), ...(host !== undefined ? {'x-forwarded-host': host} : {})},
    body: Buffer.alloc(0),
  }));

const connections: fc.Arbitrary<HostileRequest> = fc
  .oneof(fc.constantFrom('{}', '{"scenario":"busy"}', '{"scenario":"nope"}', '[]', 'null', '{', '"x"'), shortText)
  .map((body) => ({
    kind: 'connections',
    method: 'POST',
    path: '/qbwc/connections',
    headers: {'content-type': 'application/json'},
    body: Buffer.from(body),
  }));

/** A Content-Length that lies: shorter or longer than the body, or absurd. */
const lyingLength: fc.Arbitrary<HostileRequest> = fc
  .tuple(validEnvelope, fc.constantFrom(0, 1, 10, 100_000, 2 ** 40, -5))
  .map(([{xml}, declared]) => ({
    kind: 'lying-length',
    method: 'POST',
    path: '/qbwc',
    headers: {'content-type': 'text/xml'},
    body: Buffer.from(xml),
    declaredLength: declared,
  }));

export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  {arbitrary: soapPost, weight: 6},
  {arbitrary: staticGet, weight: 3},
  {arbitrary: connections, weight: 1},
  {arbitrary: lyingLength, weight: 1},
);

export function sampleHostileRequests(seed: number, count: number): HostileRequest[] {
  return fc.sample(hostileRequest, {seed, numRuns: count});
}
