// The benchmark's wire data: Web Connector requests as the real client shapes them (document/literal,
// `soap:` prefix, default namespace on the operation element), the canned answers of the bare
// server, and a reader that checks an answer. Everything goes through fast-xml-parser.
import {XMLBuilder, XMLParser} from 'fast-xml-parser';

export const QBWC_NAMESPACE = 'http://developer.intuit.com/';
const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

export const BENCH_USER = 'bench-user';
export const BENCH_PASSWORD = 'bench-password-Q7r2';
export const CLIENT_VERSION = '2.3.0.215';
export const COMPANY_FILE = 'C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\bench.qbw';

// suppressBooleanAttributes off: an attribute whose value is "true" must keep its value to stay XML.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  suppressBooleanAttributes: false,
});

function envelope(body) {
  return builder.build({
    '?xml': {'@_version': '1.0', '@_encoding': 'utf-8'},
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_NAMESPACE,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
      'soap:Body': body,
    },
  });
}

/** A request envelope for one Web Connector call; params keep their order, as the WSDL sequence wants. */
export function buildRequest(operation, params = {}) {
  return envelope({[operation]: {'@_xmlns': QBWC_NAMESPACE, ...params}});
}

/** The qbXML a healthy service hands to QuickBooks: one company query. */
export const COMPANY_QUERY_QBXML = builder.build({
  '?xml': {'@_version': '1.0', '@_encoding': 'utf-8'},
  '?qbxml': {'@_version': '13.0'},
  QBXML: {QBXMLMsgsRq: {'@_onError': 'stopOnError', CompanyQueryRq: {'@_requestID': '1'}}},
});

/** What QuickBooks would answer to that query; sent back in receiveResponseXML. */
export const COMPANY_QUERY_RESPONSE_QBXML = builder.build({
  '?xml': {'@_version': '1.0'},
  QBXML: {
    QBXMLMsgsRs: {
      CompanyQueryRs: {
        '@_requestID': '1',
        '@_statusCode': '0',
        '@_statusSeverity': 'Info',
        '@_statusMessage': 'Status OK',
        CompanyRet: {IsSampleCompany: 'true', CompanyName: 'Bench Sample Company', LegalCompanyName: 'Bench Sample Company'},
      },
    },
  },
});

/** The session the load generator plays, one call after another. */
export function sessionRequests(userName, password) {
  return {
    serverVersion: buildRequest('serverVersion'),
    clientVersion: buildRequest('clientVersion', {strVersion: CLIENT_VERSION}),
    authenticate: buildRequest('authenticate', {strUserName: userName, strPassword: password}),
    sendRequestXML: (ticket) =>
      buildRequest('sendRequestXML', {
        ticket,
        strHCPResponse: '',
        strCompanyFileName: COMPANY_FILE,
        qbXMLCountry: 'US',
        qbXMLMajorVers: '13',
        qbXMLMinorVers: '0',
      }),
    receiveResponseXML: (ticket) =>
      buildRequest('receiveResponseXML', {ticket, response: COMPANY_QUERY_RESPONSE_QBXML, hresult: '', message: ''}),
    closeConnection: (ticket) => buildRequest('closeConnection', {ticket}),
  };
}

/** A response envelope in the shape .NET's document/literal server writes. */
export function buildResponse(operation, result) {
  return envelope({[`${operation}Response`]: {'@_xmlns': QBWC_NAMESPACE, [`${operation}Result`]: result}});
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'string',
});

/**
 * The result of an answer to `operation`, or an Error saying why it isn't one (a Fault, the wrong
 * element, not XML). Strings stay strings; authenticate gives an array.
 */
export function readResult(operation, xml) {
  let document;
  try {
    document = parser.parse(xml);
  } catch (error) {
    return new Error(`not XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = document?.Envelope?.Body;
  if (!body) return new Error('no SOAP Body');
  if (body.Fault) return new Error(`SOAP Fault: ${JSON.stringify(body.Fault).slice(0, 200)}`);
  const wrapper = body[`${operation}Response`];
  if (wrapper === undefined) return new Error(`no ${operation}Response element`);
  const result = wrapper === '' ? undefined : wrapper[`${operation}Result`];
  if (operation === 'authenticate') {
    const items = result?.string;
    return Array.isArray(items)
      ? items.map((item) => (typeof item === 'string' ? item : ''))
      : new Error('authenticateResult has no <string> items');
  }
  return result === undefined ? '' : String(result);
}
