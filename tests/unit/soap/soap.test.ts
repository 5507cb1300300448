import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {describe, expect, it} from 'vitest';
import {
  buildFault,
  buildRequest,
  buildResponse,
  methodFromSoapAction,
  parseFault,
  parseRequest,
  parseResponse,
  QBWC_METHOD_NAMES,
  QBWC_METHODS,
  MAX_REQUEST_ELEMENTS,
  scanXmlStructure,
  SoapCodecError,
  SoapFaultError,
  soapActionFor,
  type QbwcMethod,
} from '../../../src/qbwc/soap';

const FIXTURES = join(__dirname, '../../fixtures/envelopes');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const TICKET = '7d3c1f0a-52b4-4e8e-9a61-0c2f5d8e4b19';

function codecError(run: () => unknown): SoapCodecError {
  try {
    run();
  } catch (error) {
    if (error instanceof SoapCodecError) return error;
    throw error;
  }
  throw new Error('expected a SoapCodecError');
}

describe('method table', () => {
  it('holds the eleven Web Connector methods with their wire parameter names', () => {
    expect(QBWC_METHOD_NAMES).toEqual([
      'serverVersion',
      'clientVersion',
      'authenticate',
      'sendRequestXML',
      'receiveResponseXML',
      'connectionError',
      'getLastError',
      'closeConnection',
      'getInteractiveURL',
      'interactiveDone',
      'interactiveRejected',
    ]);
    expect(QBWC_METHODS.sendRequestXML.params.map((p) => p.name)).toEqual([
      'ticket',
      'strHCPResponse',
      'strCompanyFileName',
      'qbXMLCountry',
      'qbXMLMajorVers',
      'qbXMLMinorVers',
    ]);
    expect(QBWC_METHODS.receiveResponseXML.result).toBe('int');
    expect(QBWC_METHODS.authenticate.result).toBe('string[]');
  });

  it('reads the method from a quoted or bare SOAPAction', () => {
    expect(methodFromSoapAction('"http://developer.intuit.com/authenticate"')).toBe('authenticate');
    expect(methodFromSoapAction('http://developer.intuit.com/closeConnection')).toBe('closeConnection');
    expect(methodFromSoapAction('"http://developer.intuit.com/getServerVersion"')).toBe('serverVersion');
    expect(methodFromSoapAction('"http://developer.intuit.com/dropTables"')).toBeUndefined();
    expect(methodFromSoapAction(undefined)).toBeUndefined();
    expect(soapActionFor('sendRequestXML')).toBe('"http://developer.intuit.com/sendRequestXML"');
  });
});

describe('parseRequest', () => {
  it('reads every request fixture with all of its parameters', () => {
    const expected: Record<string, [QbwcMethod, Record<string, string>]> = {
      'request-serverVersion.xml': ['serverVersion', {}],
      'request-clientVersion.xml': ['clientVersion', {strVersion: '2.3.0.36'}],
      'request-authenticate.xml': ['authenticate', {strUserName: 'office-pc', strPassword: 'a<b&c"d>e'}],
      'request-getLastError.xml': ['getLastError', {ticket: TICKET}],
      'request-closeConnection.xml': ['closeConnection', {ticket: TICKET}],
      'request-connectionError.xml': [
        'connectionError',
        {ticket: TICKET, hresult: '0x80040408', message: 'Could not start QuickBooks.'},
      ],
      'request-getInteractiveURL.xml': ['getInteractiveURL', {wcTicket: TICKET, sessionID: 's-42'}],
      'request-interactiveDone.xml': ['interactiveDone', {wcTicket: TICKET}],
      'request-interactiveRejected.xml': ['interactiveRejected', {wcTicket: TICKET, reason: 'Declined by the user'}],
      'request-receiveResponseXML-hresult.xml': [
        'receiveResponseXML',
        {
          ticket: TICKET,
          response: '',
          hresult: '0x80040400',
          message: 'QuickBooks found an error when parsing the provided XML text stream.',
        },
      ],
      'request-sendRequestXML-later.xml': [
        'sendRequestXML',
        {
          ticket: TICKET,
          strHCPResponse: '',
          strCompanyFileName: 'C:\\Company Files\\baker.qbw',
          qbXMLCountry: 'CA',
          qbXMLMajorVers: '13',
          qbXMLMinorVers: '0',
        },
      ],
    };
    for (const [file, [method, params]] of Object.entries(expected)) {
      expect(parseRequest(fixture(file)), file).toEqual({method, params});
    }
  });

  it('keeps the escaped qbXML payload exactly: line breaks, quotes and escaped ampersands', () => {
    const first = parseRequest(fixture('request-sendRequestXML-first.xml'));
    expect(first.method).toBe('sendRequestXML');
    const hcp = (first.params as Record<string, string>).strHCPResponse!;
    expect(hcp.startsWith('<?xml version="1.0" ?>\n<QBXML>\n')).toBe(true);
    expect(hcp).toContain('<CompanyName>Baker &amp; Sons</CompanyName>\n');
    expect(hcp.endsWith('</QBXML>\n')).toBe(true);
    expect(hcp.split('\n')).toHaveLength(11);

    const received = parseRequest(fixture('request-receiveResponseXML-ok.xml'));
    const response = (received.params as Record<string, string>).response!;
    expect(response).toContain('<Name>Tools "R" Us &amp; Co</Name>');
    expect((received.params as Record<string, string>).hresult).toBe('');
  });

  it('reads RPC/encoded bodies with xsi:type and any prefix', () => {
    expect(parseRequest(fixture('request-rpc-clientVersion.xml'))).toEqual({
      method: 'clientVersion',
      params: {strVersion: '2.2.0.71'},
    });
  });

  it('reads pretty-printed envelopes with prefixed parameters and a Header', () => {
    expect(parseRequest(fixture('request-prefixed-authenticate.xml'))).toEqual({
      method: 'authenticate',
      params: {strUserName: 'pretty-printer', strPassword: ''},
    });
  });

  it('reads missing parameters as empty strings and refuses unknown ones', () => {
    const missing = buildRequest('closeConnection', {ticket: 'x'}).replace('<ticket>x</ticket>', '');
    expect(parseRequest(missing)).toEqual({method: 'closeConnection', params: {ticket: ''}});
    const extra = buildRequest('closeConnection', {ticket: 'x'}).replace('<ticket>x</ticket>', '<extra>1</extra>');
    const error = codecError(() => parseRequest(extra));
    expect(error.reason).toBe('bad-parameter');
    expect(error.message).toBe('closeConnection takes ticket; the request holds another element.');
  });

  it('accepts getServerVersion as an alias and ignores its ticket', () => {
    const xml = buildRequest('serverVersion', {}).replace(
      '<serverVersion xmlns="http://developer.intuit.com/"></serverVersion>',
      '<getServerVersion xmlns="http://developer.intuit.com/"><ticket>abc</ticket></getServerVersion>',
    );
    expect(xml).toContain('getServerVersion');
    expect(parseRequest(xml)).toEqual({method: 'serverVersion', params: {}});
  });

  it('falls back to SOAPAction only when the Body does not name a method', () => {
    const empty = buildFault('soap:Client', 'x').replace(/<soap:Fault>.*<\/soap:Fault>/, '');
    expect(parseRequest(empty, {soapAction: '"http://developer.intuit.com/serverVersion"'}).method).toBe('serverVersion');
    const known = fixture('request-getLastError.xml');
    expect(parseRequest(known, {soapAction: '"http://developer.intuit.com/closeConnection"'}).method).toBe('getLastError');
    expect(codecError(() => parseRequest(empty)).reason).toBe('unknown-method');
  });

  it('decodes character references and keeps CR written as &#xD;', () => {
    const xml = fixture('request-getLastError.xml').replace(TICKET, 'a&#x41;&#66;&quot;&apos;&#xD;z');
    expect(parseRequest(xml).params).toEqual({ticket: 'aAB"\'\rz'});
  });

  it('takes a CDATA section literally and refuses CDATA mixed with text', () => {
    const cdata = fixture('request-getLastError.xml').replace(TICKET, '\n  <![CDATA[<Name>A &amp; B</Name>]]>\n');
    expect(parseRequest(cdata).params).toEqual({ticket: '<Name>A &amp; B</Name>'});
    const mixed = fixture('request-getLastError.xml').replace(TICKET, 'x<![CDATA[y]]>');
    expect(codecError(() => parseRequest(mixed)).reason).toBe('bad-parameter');
  });

  it('refuses unknown methods, naming the ones it implements', () => {
    const xml = fixture('request-getLastError.xml').replace(/getLastError/g, 'dropTables');
    const error = codecError(() => parseRequest(xml));
    expect(error.reason).toBe('unknown-method');
    expect(error.faultCode).toBe('soap:Client');
    expect(error.message).toContain('authenticate');
    expect(error.message).not.toContain('dropTables');
  });

  it.each([
    ['an empty body', ''],
    ['plain text', 'hello'],
    ['JSON', '{"method":"authenticate"}'],
    ['an unclosed element', '<soap:Envelope xmlns:soap="x"><soap:Body><serverVersion></soap:Body></soap:Envelope>'],
    ['a truncated document', fixture('request-authenticate.xml').slice(0, 200)],
    ['two root elements', '<a></a><b></b>'],
    ['text after the root', `${fixture('request-serverVersion.xml')}trailing`],
    ['a bare ampersand', fixture('request-getLastError.xml').replace(TICKET, 'a & b')],
    ['an undefined entity', fixture('request-getLastError.xml').replace(TICKET, '&nbsp;')],
    ['a forbidden character reference', fixture('request-getLastError.xml').replace(TICKET, '&#0;')],
    ['an unterminated attribute', '<soap:Envelope xmlns:soap="x><soap:Body/></soap:Envelope>'],
    ['a root that is not an Envelope', '<Body><serverVersion/></Body>'],
  ])('refuses %s', (_label, xml) => {
    const error = codecError(() => parseRequest(xml));
    expect(error.faultCode).toBe('soap:Client');
    expect(['empty', 'malformed', 'not-envelope']).toContain(error.reason);
  });

  it('refuses DOCTYPE and ENTITY declarations before any parsing', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>${fixture('request-serverVersion.xml').replace(/^<\?xml[^>]*\?>/, '')}`;
    expect(codecError(() => parseRequest(xml)).reason).toBe('declaration');
    expect(codecError(() => parseRequest('<!ENTITY x "y"><a/>')).reason).toBe('declaration');
    expect(codecError(() => parseRequest('<!doctype a><a/>')).reason).toBe('declaration');
  });

  it('refuses nesting deeper than 32 levels', () => {
    const deep = `${'<a>'.repeat(33)}${'</a>'.repeat(33)}`;
    expect(codecError(() => scanXmlStructure(deep, {maxDepth: 32})).reason).toBe('too-deep');
    expect(() => scanXmlStructure(`${'<a>'.repeat(32)}${'</a>'.repeat(32)}`)).not.toThrow();
    expect(codecError(() => scanXmlStructure(`${'<a>'.repeat(32)}<b/>${'</a>'.repeat(32)}`)).reason).toBe('too-deep');
  });

  it('refuses parameters that hold elements or appear twice', () => {
    const nested = fixture('request-getLastError.xml').replace(TICKET, '<QBXML><x/></QBXML>');
    expect(codecError(() => parseRequest(nested)).reason).toBe('bad-parameter');
    const twice = fixture('request-getLastError.xml').replace(
      `<ticket>${TICKET}</ticket>`,
      '<ticket>a</ticket><ticket>b</ticket>',
    );
    expect(codecError(() => parseRequest(twice)).reason).toBe('bad-parameter');
  });
});

describe('buildRequest', () => {
  it('round-trips every fixture request through build and parse', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.startsWith('request-'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const parsed = parseRequest(fixture(file));
      expect(parseRequest(buildRequest(parsed.method, parsed.params)), file).toEqual(parsed);
    }
  });

  it('writes the .NET wire shape: declaration, soap prefix, default namespace on the method', () => {
    const xml = buildRequest('clientVersion', {strVersion: '2.3.0.36'});
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><clientVersion xmlns="http://developer.intuit.com/"><strVersion>2.3.0.36</strVersion></clientVersion></soap:Body></soap:Envelope>',
    );
  });

  it('escapes payload text as the Web Connector does (no quote escaping) and writes every parameter', () => {
    const xml = buildRequest('receiveResponseXML', {ticket: 't', response: '<a b="1">x & y</a>\r\n'});
    expect(xml).toContain('<response>&lt;a b="1"&gt;x &amp; y&lt;/a&gt;&#xD;\n</response><hresult></hresult><message></message>');
  });
});

describe('buildResponse and parseResponse', () => {
  it('reproduces every fixture response byte for byte', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.startsWith('response-') && name !== 'response-fault.xml');
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const xml = fixture(file);
      const parsed = parseResponse(xml);
      expect(buildResponse(parsed.method, parsed.result), file).toBe(xml);
    }
  });

  it('reads typed results', () => {
    expect(parseResponse(fixture('response-receiveResponseXML-error.xml'))).toEqual({method: 'receiveResponseXML', result: -101});
    expect(parseResponse(fixture('response-authenticate-minrun.xml'))).toEqual({
      method: 'authenticate',
      result: [TICKET, 'none', '', '600'],
    });
    expect(parseResponse(fixture('response-getInteractiveURL.xml')).result).toBe(
      'https://app.example.org/interactive?s=42&step=1',
    );
    const qbxml = parseResponse(fixture('response-sendRequestXML-qbxml.xml')).result as string;
    expect(qbxml.startsWith('<?xml version="1.0"?><?qbxml version="13.0"?><QBXML>')).toBe(true);
    expect(qbxml).toContain('<Name>A &amp; B</Name>');
  });

  it('always writes at least two authenticate items, empty ones included, and fills holes', () => {
    expect(buildResponse('authenticate', ['', 'nvu'])).toContain(
      '<authenticateResult><string></string><string>nvu</string></authenticateResult>',
    );
    expect(buildResponse('authenticate', ['t'])).toContain(
      '<authenticateResult><string>t</string><string></string></authenticateResult>',
    );
    const sparse: string[] = ['t', 'none'];
    sparse[3] = '300';
    expect(parseResponse(buildResponse('authenticate', sparse)).result).toEqual(['t', 'none', '', '300']);
  });

  it('writes integers only for receiveResponseXML', () => {
    expect(parseResponse(buildResponse('receiveResponseXML', 42)).result).toBe(42);
    expect(() => buildResponse('receiveResponseXML', 1.5)).toThrow(SoapCodecError);
    expect(() => buildResponse('receiveResponseXML', Number.NaN)).toThrow(SoapCodecError);
  });

  it('returns the same text for a repeated result and a different one for a different result', () => {
    expect(buildResponse('closeConnection', 'OK')).toBe(buildResponse('closeConnection', 'OK'));
    expect(buildResponse('closeConnection', 'OK')).not.toBe(buildResponse('closeConnection', 'OK!'));
  });

  it('throws SoapFaultError for a Fault and refuses bodies that are not QBWC responses', () => {
    expect(() => parseResponse(fixture('response-fault.xml'))).toThrow(SoapFaultError);
    try {
      parseResponse(fixture('response-fault.xml'));
    } catch (error) {
      expect((error as SoapFaultError).faultCode).toBe('soap:Server');
      expect((error as SoapFaultError).faultString).toBe('Database <orders> unavailable');
    }
    expect(codecError(() => parseResponse(fixture('request-getLastError.xml'))).reason).toBe('unknown-method');
    const badInt = fixture('response-receiveResponseXML-progress.xml').replace('>75<', '>lots<');
    expect(codecError(() => parseResponse(badInt)).reason).toBe('bad-result');
  });
});

describe('faults', () => {
  it('builds SOAP 1.1 faults with escaped text and reads them back', () => {
    const xml = buildFault('soap:Client', 'Ticket <x> & friends');
    expect(xml).toContain(
      '<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Ticket &lt;x&gt; &amp; friends</faultstring></soap:Fault>',
    );
    expect(parseFault(xml)).toEqual({code: 'soap:Client', message: 'Ticket <x> & friends'});
    expect(parseFault(fixture('response-fault.xml'))).toEqual({code: 'soap:Server', message: 'Database <orders> unavailable'});
    expect(parseFault(fixture('response-closeConnection.xml'))).toBeNull();
    expect(parseFault('<html>oops</html>')).toBeNull();
  });
});

describe('long text runs', () => {
  const long = (text: string) => text.repeat(Math.ceil(300 / text.length));

  it('reads payloads longer than the placeholder threshold exactly, with CRLF normalised', () => {
    const payload = long('<Line a="1">x &amp; y</Line>\n');
    const xml = buildRequest('receiveResponseXML', {ticket: 't', response: payload});
    expect(parseRequest(xml).params).toMatchObject({response: payload});
    const crlf = xml.replace(/\n/g, '\r\n');
    expect(parseRequest(crlf).params).toMatchObject({response: payload});
  });

  it('keeps text on both sides of a comment in order', () => {
    const first = long('a');
    const xml = buildRequest('getLastError', {ticket: 'placeholder'}).replace('placeholder', `${first}<!-- note -->7`);
    expect(parseRequest(xml).params).toEqual({ticket: `${first}7`});
  });

  it('refuses the control character used internally as a marker', () => {
    const xml = buildRequest('getLastError', {ticket: 'x'}).replace('<ticket>x', '<ticket>\u00010\u0001');
    expect(codecError(() => parseRequest(xml)).reason).toBe('forbidden-character');
  });

  it('returns the same frozen result for a repeated serverVersion body', () => {
    const xml = buildRequest('clientVersion', {strVersion: '2.3.0.215'});
    const first = parseRequest(xml);
    expect(parseRequest(xml)).toBe(first);
    expect(Object.isFrozen(first.params)).toBe(true);
    const ticketed = buildRequest('getLastError', {ticket: 'abc'});
    expect(parseRequest(ticketed)).not.toBe(parseRequest(ticketed));
  });
});

describe('hostile envelopes', () => {
  const authenticate = fixture('request-authenticate.xml');

  it('refuses a smuggled DOCTYPE behind a processing instruction with a quoted "?>"', () => {
    const xml =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><clientVersion>' +
      '<?x "?><!--"?><!DOCTYPE d [<!ENTITY e "X">]>--><strVersion>1.0</strVersion></clientVersion></soap:Body></soap:Envelope>';
    const error = codecError(() => parseRequest(xml));
    expect(error.reason).toBe('declaration');
    expect(error.faultCode).toBe('soap:Client');
  });

  it('accepts only a leading XML declaration of the usual form', () => {
    expect(parseRequest(authenticate).method).toBe('authenticate');
    expect(parseRequest(`\uFEFF${authenticate}`).method).toBe('authenticate');
    expect(codecError(() => parseRequest(`  ${authenticate}`)).reason).toBe('declaration');
    const odd = authenticate.replace('<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" foo="?>"?>');
    expect(codecError(() => parseRequest(odd)).reason).toBe('malformed');
    const inner = authenticate.replace('<strUserName>', '<?php echo 1 ?><strUserName>');
    expect(codecError(() => parseRequest(inner)).reason).toBe('declaration');
  });

  it.each([
    ['NUL', '\u0000'],
    ['backspace', '\u0008'],
    ['vertical tab', '\u000B'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDC00'],
  ])('refuses %s anywhere in the text', (_label, char) => {
    expect(codecError(() => parseRequest(authenticate.replace('<strUserName>', `<strUserName>us${char}er`))).reason).toBe(
      'forbidden-character',
    );
    expect(codecError(() => parseRequest(authenticate.replace('<soap:Body>', `<soap:Body>${char}`))).reason).toBe(
      'forbidden-character',
    );
  });

  it('keeps a surrogate pair (an emoji) intact', () => {
    expect(parseRequest(authenticate.replace(/<strUserName>[^<]*/, '<strUserName>user\u{1F600}')).params).toMatchObject({
      strUserName: 'user\u{1F600}',
    });
  });

  it('never writes a character XML forbids, whatever the result holds', () => {
    const xml = buildResponse('getLastError', 'bad\u0000char\uFFFE');
    expect(xml).toContain('bad\uFFFDchar\uFFFD');
    expect(parseResponse(xml).result).toBe('bad\uFFFDchar\uFFFD');
  });

  it('refuses an Envelope outside the SOAP 1.1 namespace', () => {
    const soap12 = authenticate.replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope');
    const error = codecError(() => parseRequest(soap12));
    expect(error.reason).toBe('not-envelope');
    expect(error.message).toContain('SOAP 1.1 namespace');
    const undeclared = authenticate.replace(' xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"', '');
    expect(codecError(() => parseRequest(undeclared)).reason).toBe('not-envelope');
    const bodyElsewhere = authenticate.replace('<soap:Body>', '<soap:Body xmlns:soap="urn:other">');
    expect(codecError(() => parseRequest(bodyElsewhere)).reason).toBe('not-envelope');
  });

  it('refuses a second Body, a second method element or a stray element beside the Body', () => {
    const method = authenticate.slice(authenticate.indexOf('<authenticate'), authenticate.indexOf('</soap:Body>'));
    const twoMethods = authenticate.replace('</soap:Body>', `${method}</soap:Body>`);
    expect(codecError(() => parseRequest(twoMethods)).reason).toBe('not-envelope');
    const twoBodies = authenticate.replace('</soap:Envelope>', `<soap:Body>${method}</soap:Body></soap:Envelope>`);
    expect(codecError(() => parseRequest(twoBodies)).reason).toBe('not-envelope');
    const stray = authenticate.replace('<soap:Body>', '<other/><soap:Body>');
    expect(codecError(() => parseRequest(stray)).reason).toBe('not-envelope');
    const late = authenticate.replace('</soap:Envelope>', '<soap:Header/></soap:Envelope>');
    expect(codecError(() => parseRequest(late)).reason).toBe('not-envelope');
  });

  it('refuses a method element the Body does not name as a QBWC method, whatever SOAPAction says', () => {
    const other = authenticate.replace(/authenticate/g, 'dropTables');
    expect(codecError(() => parseRequest(other, {soapAction: '"http://developer.intuit.com/authenticate"'})).reason).toBe(
      'unknown-method',
    );
  });

  it('refuses more elements than a Web Connector envelope could hold, after reading only the first few', () => {
    const flood = authenticate.replace('<strUserName>', `${'<a/>'.repeat(262_144)}<strUserName>`);
    const error = codecError(() => parseRequest(flood));
    expect(error.reason).toBe('too-many-elements');
    expect(error.message).toBe(`The message holds more than ${MAX_REQUEST_ELEMENTS} elements.`);
    const many = authenticate.replace('<strUserName>', `${'<a/>'.repeat(MAX_REQUEST_ELEMENTS)}<strUserName>`);
    expect(codecError(() => parseRequest(many)).reason).toBe('too-many-elements');
  });

  it('hands out parameters that do not keep the request text alive', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const kept: unknown[] = [];
    const padding = `<!--${'x'.repeat(1024 * 1024)}-->`;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 50; i++) {
      const hresult = `0x8004${String(i).padStart(200, '0')}`;
      const xml = buildRequest('receiveResponseXML', {ticket: 't', response: '', hresult, message: 'm'}).replace(
        '<hresult>',
        `${padding}<hresult>`,
      );
      const params = parseRequest(xml).params as Record<string, string>;
      expect(params.hresult).toBe(hresult);
      kept.push(params);
    }
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    // 50 bodies of 1 MiB (2 MiB each in UTF-16) would be 100 MiB if any parameter were a slice.
    expect(growth).toBeLessThan(5 * 1024 * 1024);
    expect(kept).toHaveLength(50);
  });
});

describe('markup a parser would spend long on', () => {
  const open =
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>';
  const close = '</soap:Body></soap:Envelope>';

  it('refuses an element name of a megabyte and a start tag with thousands of attributes', () => {
    const longName = codecError(() => parseRequest(`${open}<${'n'.repeat(1_000_000)}/>${close}`));
    expect(longName.message).toBe('The request is not well-formed XML: an element name is longer than 256 characters.');
    const attributes = codecError(() => parseRequest(`${open}<serverVersion ${'a="1" '.repeat(170_000)}/>${close}`));
    expect(attributes.message).toBe('The request is not well-formed XML: a start tag is longer than 4096 characters.');
  });
});
