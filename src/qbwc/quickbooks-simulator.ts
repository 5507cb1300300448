/**
 * The QuickBooks side of the mock Web Connector: opens (or fails to open) a company file and
 * answers qbXML the way QuickBooks Desktop would, with the HRESULTs the real request processor
 * reports for the two failures the connection check demonstrates.
 */
import {buildQbxmlResponse, parseQbxml, QbxmlError, type QbxmlMessage} from './qbxml';

export const HRESULT_COULD_NOT_START = '0x80040408';
export const MESSAGE_COULD_NOT_START = 'Could not start QuickBooks.';
export const HRESULT_PARSE_ERROR = '0x80040400';
export const MESSAGE_PARSE_ERROR = 'QuickBooks found an error when parsing the provided XML text stream.';

export type QuickBooksResult<T> = ({ok: true} & T) | {ok: false; hresult: string; message: string};

export interface QuickBooksSimulatorOptions {
  /** The file open in QuickBooks. */
  openCompanyFile?: string;
  companyName?: string;
  productName?: string;
  country?: 'US' | 'CA' | 'UK';
  /** The highest qbXML version this QuickBooks supports. */
  qbXMLMajorVersion?: number;
  qbXMLMinorVersion?: number;
}

export interface QuickBooksSimulator {
  readonly openCompanyFile: string;
  readonly country: string;
  readonly qbXMLMajorVersion: number;
  readonly qbXMLMinorVersion: number;
  /**
   * What OpenConnection/BeginSession does with the path authenticate returned: "" (or the open
   * file's path) opens the open file; anything else fails as QuickBooks does.
   */
  openCompanyFileFor(path: string): QuickBooksResult<{companyFile: string}>;
  /** The Host, Company and Preferences query responses sent with the first sendRequestXML. */
  hostCompanyPreferencesResponse(): string;
  /** ProcessRequest: a qbXML response, or the parse-error HRESULT for text QuickBooks rejects. */
  processRequest(qbxml: string): QuickBooksResult<{response: string}>;
}

const STATUS_OK = {statusCode: '0', statusSeverity: 'Info', statusMessage: 'Status OK'};

function sameWindowsPath(a: string, b: string): boolean {
  const normalize = (path: string) => path.trim().replace(/\//g, '\\').toLowerCase();
  return normalize(a) === normalize(b);
}

export function createQuickBooksSimulator(options: QuickBooksSimulatorOptions = {}): QuickBooksSimulator {
  const openCompanyFile =
    options.openCompanyFile ?? 'C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\Sample Company.qbw';
  const companyName = options.companyName ?? 'Sample Company';
  const productName = options.productName ?? 'QuickBooks Desktop Pro 2024';
  const country = options.country ?? 'US';
  const major = options.qbXMLMajorVersion ?? 16;
  const minor = options.qbXMLMinorVersion ?? 0;
  const supported = Array.from({length: major}, (_, index) => `${index + 1}.0`);

  const hostRet = {
    ProductName: productName,
    MajorVersion: '34',
    MinorVersion: '0',
    Country: country,
    SupportedQBXMLVersion: supported,
    IsAutomaticLogin: 'false',
    QBFileMode: 'SingleUser',
  };
  const companyRet = {
    IsSampleCompany: 'false',
    CompanyName: companyName,
    LegalCompanyName: `${companyName} LLC`,
    Address: {Addr1: '100 Main Street', City: 'Springfield', State: 'IL', PostalCode: '62701', Country: country},
    Phone: '555-0100',
    FirstMonthFiscalYear: 'January',
    FirstMonthIncomeTaxYear: 'January',
    TaxForm: 'Form1120',
  };
  const preferencesRet = {
    AccountingPreferences: {IsUsingAccountNumbers: 'false', IsRequiringAccounts: 'true', IsUsingClassTracking: 'false'},
    MultiCurrencyPreferences: {IsMultiCurrencyOn: 'false'},
    SalesTaxPreferences: {PaySalesTax: 'Monthly'},
  };

  function answer(request: QbxmlMessage): QbxmlMessage {
    const responseName = request.name.replace(/Rq$/, 'Rs');
    const requestID = request.attributes.requestID;
    const attributes = (status: Record<string, string>) => (requestID === undefined ? {...status} : {requestID, ...status});
    switch (request.name) {
      case 'HostQueryRq':
        return {name: responseName, attributes: attributes(STATUS_OK), body: {HostRet: hostRet}};
      case 'CompanyQueryRq':
        return {name: responseName, attributes: attributes(STATUS_OK), body: {CompanyRet: companyRet}};
      case 'PreferencesQueryRq':
        return {name: responseName, attributes: attributes(STATUS_OK), body: {PreferencesRet: preferencesRet}};
      default:
        // Anything else is not modelled: answer as QuickBooks does for a query with no match.
        return {
          name: responseName,
          attributes: attributes({
            statusCode: '1',
            statusSeverity: 'Info',
            statusMessage: 'A query request did not find a matching object in QuickBooks',
          }),
          body: {},
        };
    }
  }

  return {
    openCompanyFile,
    country,
    qbXMLMajorVersion: major,
    qbXMLMinorVersion: minor,
    openCompanyFileFor(path) {
      if (path === '' || sameWindowsPath(path, openCompanyFile)) return {ok: true, companyFile: openCompanyFile};
      return {ok: false, hresult: HRESULT_COULD_NOT_START, message: MESSAGE_COULD_NOT_START};
    },
    hostCompanyPreferencesResponse() {
      return buildQbxmlResponse([
        {name: 'HostQueryRs', attributes: {requestID: '0', ...STATUS_OK}, body: {HostRet: hostRet}},
        {name: 'CompanyQueryRs', attributes: {requestID: '1', ...STATUS_OK}, body: {CompanyRet: companyRet}},
        {name: 'PreferencesQueryRs', attributes: {requestID: '2', ...STATUS_OK}, body: {PreferencesRet: preferencesRet}},
      ]);
    },
    processRequest(qbxml) {
      const parseError = {ok: false, hresult: HRESULT_PARSE_ERROR, message: MESSAGE_PARSE_ERROR} as const;
      let doc;
      try {
        doc = parseQbxml(qbxml);
      } catch (error) {
        if (error instanceof QbxmlError) return parseError;
        throw error;
      }
      // QuickBooks needs the qbxml header and a request set it supports.
      const version = /^(\d+)\.(\d+)$/.exec(doc.version.trim());
      const docMajor = version ? Number(version[1]) : Number.NaN;
      const docMinor = version ? Number(version[2]) : Number.NaN;
      const supportedVersion = docMajor < major || (docMajor === major && docMinor <= minor);
      if (doc.kind !== 'request' || !supportedVersion || doc.messages.length === 0) return parseError;
      if (!doc.messages.every((message) => message.name.endsWith('Rq'))) return parseError;
      return {ok: true, response: buildQbxmlResponse(doc.messages.map(answer))};
    },
  };
}
