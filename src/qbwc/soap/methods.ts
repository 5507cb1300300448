/**
 * The Web Connector's SOAP surface as data: namespaces, the eleven methods with their parameters
 * in wire order and result types, and the codec's errors. The reader, the writer, the WSDL and the
 * service all derive from this table, so a name can only be wrong in one place.
 */
export const QBWC_NAMESPACE = 'http://developer.intuit.com/';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';
/** The content type of a SOAP 1.1 message, as the Web Connector sends it and the endpoint answers. */
export const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';

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
  | 'empty'
  | 'declaration'
  | 'too-deep'
  | 'too-many-elements'
  | 'forbidden-character'
  | 'malformed'
  | 'not-envelope'
  | 'unknown-method'
  | 'bad-parameter'
  | 'bad-result';

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

/** Elements an alias may carry beyond its method's parameters (PG 2.0's getServerVersion takes a ticket). */
export const ALIAS_EXTRA_PARAMS: Readonly<Record<string, readonly string[]>> = {getServerVersion: ['ticket']};

export const unknownMethodMessage = `Unknown method. This endpoint implements ${QBWC_METHOD_NAMES.join(', ')} in namespace ${QBWC_NAMESPACE}.`;

export function resolveMethodName(name: string): QbwcMethod | undefined {
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
