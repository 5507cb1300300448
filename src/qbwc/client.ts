/**
 * A mock Web Connector. It drives one update session against any transport, in the order the
 * real Web Connector uses, with a simulated QuickBooks on its side, and reports every step with
 * the SOAP it sent and received. Nothing it meets is allowed to escape as an exception: network
 * failures, HTML error pages, broken XML and SOAP Faults all become steps with plain-words
 * summaries and an outcome that names the troubleshooting code.
 */
import {
  buildRequest,
  parseResponse,
  SoapCodecError,
  SoapFaultError,
  soapActionFor,
  type ParsedResponse,
  type QbwcMethod,
  type QbwcParams,
  type QbwcResult,
} from './soap';
import {createQuickBooksSimulator, type QuickBooksSimulator} from './quickbooks-simulator';

export interface TransportRequest {
  body: string;
  soapAction: string;
}

export interface TransportResponse {
  status: number;
  contentType: string;
  body: string;
}

export type Transport = (envelope: TransportRequest) => Promise<TransportResponse>;

/**
 * Thrown by a transport that knows why a call got no answer (a relay that refused the address,
 * or timed out): its message is shown as it is, without guessing at the cause.
 */
export class TransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

export type SessionStepStatus = 'ok' | 'warning' | 'error';

export interface SessionStep {
  method: QbwcMethod;
  requestXml: string;
  responseXml?: string;
  status: SessionStepStatus;
  summary: string;
  httpStatus?: number;
  durationMs: number;
}

export type SessionResult =
  | 'connected'
  | 'no-work'
  | 'busy'
  | 'invalid-password'
  | 'connection-error'
  | 'qbxml-error'
  /** The service answered a call with a SOAP Fault, or getLastError reported an error of its own. */
  | 'service-error'
  | 'transport-error'
  | 'not-soap'
  | 'client-version-rejected'
  /** authenticate accepted the user, and the caller asked to stop there (stopAfterAuthenticate). */
  | 'signed-in';

export interface SessionOutcome {
  result: SessionResult;
  /** e.g. 'nvu', '0x80040408', 'QBWC1012': what the troubleshooting catalogue is searched by. */
  troubleshootingCode?: string;
  steps: SessionStep[];
}

export interface RunSessionOptions {
  userName: string;
  password: string;
  /** The version sent to clientVersion. Default 2.3.0.215. */
  clientVersion?: string;
  simulator?: QuickBooksSimulator;
  /** Wait after getLastError answers "NoOp" (the Web Connector waits about 5 seconds). */
  noOpDelayMs?: number;
  /** How many "NoOp" waits before giving up. Default 3. */
  maxNoOpRetries?: number;
  /** Safety stop for services that never reach 100%. Default 20 sendRequestXML calls. */
  maxRequests?: number;
  /** How many other company files connectionError may ask for before stopping. Default 2. */
  maxConnectionRetries?: number;
  /** Close the session as soon as authenticate has answered: enough to check a user name and password. */
  stopAfterAuthenticate?: boolean;
}

export const DEFAULT_CLIENT_VERSION = '2.3.0.215';

/** The Web Connector error shown when the named call fails in transport (QBWC10xx catalogue). */
const TRANSPORT_CODES: Record<QbwcMethod, string> = {
  serverVersion: 'QBWC1012',
  clientVersion: 'QBWC1036',
  authenticate: 'QBWC1012',
  sendRequestXML: 'QBWC1041',
  receiveResponseXML: 'QBWC1042',
  getLastError: 'QBWC1043',
  closeConnection: 'QBWC1044',
  connectionError: 'QBWC1045',
  getInteractiveURL: 'QBWC1043',
  interactiveDone: 'QBWC1043',
  interactiveRejected: 'QBWC1043',
};

type CallOutcome<M extends QbwcMethod> =
  | {ok: true; result: QbwcResult<M>; step: SessionStep}
  | {ok: false; kind: 'transport-error' | 'not-soap' | 'service-error'; step: SessionStep};

function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 100) / 100;
}

function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

function isXmlContentType(contentType: string): boolean {
  const type = contentType.toLowerCase();
  return type.includes('xml');
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export async function runSession(
  transport: Transport,
  options: RunSessionOptions,
  onStep?: (step: SessionStep) => void,
): Promise<SessionOutcome> {
  const steps: SessionStep[] = [];
  const simulator = options.simulator ?? createQuickBooksSimulator();
  const noOpDelayMs = options.noOpDelayMs ?? 5000;
  const maxNoOpRetries = options.maxNoOpRetries ?? 3;
  const maxRequests = options.maxRequests ?? 20;
  const maxConnectionRetries = options.maxConnectionRetries ?? 2;

  function record(step: SessionStep): SessionStep {
    steps.push(step);
    try {
      onStep?.(step);
    } catch {
      // A failing observer must not break the session.
    }
    return step;
  }

  function finish(result: SessionResult, troubleshootingCode?: string): SessionOutcome {
    return troubleshootingCode === undefined ? {result, steps} : {result, troubleshootingCode, steps};
  }

  async function call<M extends QbwcMethod>(
    method: M,
    params: Partial<QbwcParams<M>>,
    describe: (result: QbwcResult<M>) => {status: SessionStepStatus; summary: string},
    /** For optional calls: a Fault is then a warning with this note. */
    faultNote?: string,
  ): Promise<CallOutcome<M>> {
    const requestXml = buildRequest(method, params);
    const start = performance.now();
    let response: TransportResponse;
    try {
      response = await transport({body: requestXml, soapAction: soapActionFor(method)});
    } catch (error) {
      const step = record({
        method,
        requestXml,
        status: 'error',
        summary:
          error instanceof TransportError
            ? `The request never got an answer: ${error.message}`
            : `The request never got an answer: ${describeError(error)}. The endpoint may be down or unreachable from here; from a web page, the browser also blocks other sites that do not allow cross-origin (CORS) requests.`,
        durationMs: elapsed(start),
      });
      return {ok: false, kind: 'transport-error', step};
    }
    const durationMs = elapsed(start);
    const base = {method, requestXml, responseXml: response.body, httpStatus: response.status, durationMs};
    if (!isXmlContentType(response.contentType)) {
      const step = record({
        ...base,
        status: 'error',
        summary: `HTTP ${response.status} with content type '${response.contentType || 'none'}', but a SOAP service must answer text/xml. The Web Connector reports this as "Client found response content type of '${response.contentType || ''}', but expected 'text/xml'". Check AppURL: it should be the SOAP endpoint itself.`,
      });
      return {ok: false, kind: 'not-soap', step};
    }
    let parsed: ParsedResponse;
    try {
      parsed = parseResponse(response.body);
    } catch (error) {
      if (error instanceof SoapFaultError) {
        const summary = `HTTP ${response.status}: the service answered with a SOAP Fault (${error.faultCode}): ${error.faultString}`;
        const step = record(
          faultNote === undefined
            ? {...base, status: 'error', summary}
            : {...base, status: 'warning', summary: `${summary} ${faultNote}`},
        );
        return {ok: false, kind: 'service-error', step};
      }
      const detail = error instanceof SoapCodecError ? error.message : describeError(error);
      const kind = response.status === 200 ? 'not-soap' : 'transport-error';
      const step = record({
        ...base,
        status: 'error',
        summary:
          response.status === 200
            ? `The answer is not a usable SOAP response: ${detail} The Web Connector reports "Response is not well-formed XML" in such cases.`
            : `HTTP ${response.status}, and the body is not a SOAP response: ${detail}`,
      });
      return {ok: false, kind, step};
    }
    if (parsed.method !== method) {
      const step = record({...base, status: 'error', summary: `The service answered ${parsed.method} to a ${method} call.`});
      return {ok: false, kind: 'not-soap', step};
    }
    if (response.status !== 200) {
      const step = record({
        ...base,
        status: 'error',
        summary: `HTTP ${response.status}: SOAP answers must come with status 200.`,
      });
      return {ok: false, kind: 'transport-error', step};
    }
    const result = parsed.result as QbwcResult<M>;
    const {status, summary} = describe(result);
    return {ok: true, result, step: record({...base, status, summary})};
  }

  function failed(outcome: {kind: 'transport-error' | 'not-soap' | 'service-error'; step: SessionStep}): SessionOutcome {
    return finish(outcome.kind, outcome.kind === 'service-error' ? undefined : TRANSPORT_CODES[outcome.step.method]);
  }

  async function close(ticket: string, result: SessionResult, code?: string): Promise<SessionOutcome> {
    const closed = await call('closeConnection', {ticket}, (text) => ({
      status: 'ok',
      summary: `Session closed. The Web Connector shows: ${text || '(empty status)'}`,
    }));
    // The result of the session is already known; a failing close only adds its step.
    if (!closed.ok && result === 'connected') return failed(closed);
    return finish(result, code);
  }

  // 1. serverVersion: optional in the protocol, so a Fault is only a warning.
  const server = await call(
    'serverVersion',
    {},
    (version) => ({
      status: 'ok',
      summary: version ? `The service reports version "${version}".` : 'The service reports no version (allowed).',
    }),
    'serverVersion is optional, so the Web Connector carries on.',
  );
  if (!server.ok && server.kind !== 'service-error') return failed(server);

  // 2. clientVersion
  const clientVersion = options.clientVersion ?? DEFAULT_CLIENT_VERSION;
  const version = await call('clientVersion', {strVersion: clientVersion}, (answer) => {
    if (answer === '') return {status: 'ok', summary: `Web Connector ${clientVersion} accepted.`};
    if (answer.startsWith('E:'))
      return {status: 'error', summary: `The service refuses this Web Connector version: ${answer.slice(2)}`};
    if (answer.startsWith('W:'))
      return {status: 'warning', summary: `The service warns: ${answer.slice(2)} (the user may continue).`};
    if (answer.startsWith('O:'))
      return {
        status: 'warning',
        summary: `The service expects Web Connector ${answer.slice(2)}; the user is offered an upgrade.`,
      };
    return {
      status: 'warning',
      summary: `Unexpected clientVersion answer "${answer}": only "", "W:", "E:" or "O:" are defined (QBWC1046).`,
    };
  });
  if (!version.ok) return failed(version);
  if (version.result.startsWith('E:')) return finish('client-version-rejected', 'QBWC1037');

  // 3. authenticate
  const auth = await call('authenticate', {strUserName: options.userName, strPassword: options.password}, (items) => {
    const verdict = (items[1] ?? '').toLowerCase();
    if (verdict === 'nvu')
      return {status: 'error', summary: 'The service answered "nvu": the user name or password is not valid.'};
    if (verdict === 'none') return {status: 'ok', summary: 'Signed in; the service has nothing to exchange ("none").'};
    if (verdict === 'busy') {
      const wait = items[2] ? ` for ${items[2]} seconds` : '';
      return {status: 'warning', summary: `Signed in, but the service is busy and postponed the update${wait}.`};
    }
    const file = items[1] ? `company file ${items[1]}` : 'the company file open in QuickBooks';
    return {status: 'ok', summary: `Signed in; the service asks for ${file}.`};
  });
  if (!auth.ok) return finish(auth.kind, auth.kind === 'service-error' ? 'QBWC1012' : TRANSPORT_CODES.authenticate);
  const ticket = auth.result[0] ?? '';
  const verdict = (auth.result[1] ?? '').toLowerCase();
  if (verdict === 'nvu') return close(ticket, 'invalid-password', 'nvu');
  if (verdict === 'none') return close(ticket, 'no-work', 'none');
  if (verdict === 'busy') return close(ticket, 'busy', 'busy');
  if (options.stopAfterAuthenticate) return close(ticket, 'signed-in');

  // 4. Open the company file; connectionError when QuickBooks cannot.
  let companyPath = auth.result[1] ?? '';
  let opened = simulator.openCompanyFileFor(companyPath);
  for (let attempt = 0; !opened.ok; attempt++) {
    const failure = opened;
    const answer = await call('connectionError', {ticket, hresult: failure.hresult, message: failure.message}, (next) => ({
      status: next.toLowerCase() === 'done' ? 'warning' : 'ok',
      summary:
        next.toLowerCase() === 'done'
          ? `QuickBooks could not open ${companyPath || 'the company file'} (${failure.hresult} ${failure.message}); the service answered "done".`
          : `QuickBooks could not open ${companyPath || 'the company file'} (${failure.hresult}); the service asks to try ${next || 'the open company file'}.`,
    }));
    if (!answer.ok) return failed(answer);
    if (answer.result.toLowerCase() === 'done' || attempt + 1 >= maxConnectionRetries) {
      return close(ticket, 'connection-error', failure.hresult);
    }
    companyPath = answer.result;
    opened = simulator.openCompanyFileFor(companyPath);
  }
  const companyFile = opened.companyFile;

  // 5. sendRequestXML / receiveResponseXML until 100% or an error.
  let hcp = simulator.hostCompanyPreferencesResponse();
  let noOps = 0;
  for (let requests = 0; requests < maxRequests;) {
    const sent = await call(
      'sendRequestXML',
      {
        ticket,
        strHCPResponse: hcp,
        strCompanyFileName: companyFile,
        qbXMLCountry: simulator.country,
        qbXMLMajorVers: String(simulator.qbXMLMajorVersion),
        qbXMLMinorVers: String(simulator.qbXMLMinorVersion),
      },
      (qbxml) =>
        qbxml === '' || qbxml === 'NoOp'
          ? {status: 'ok', summary: 'The service has no request right now; the Web Connector asks getLastError why.'}
          : {status: 'ok', summary: `The service sent ${qbxml.length} characters of qbXML for QuickBooks.`},
    );
    if (!sent.ok) return failed(sent);
    hcp = '';
    if (sent.result === '' || sent.result === 'NoOp') {
      const last = await call('getLastError', {ticket}, (text) =>
        text === 'NoOp'
          ? noOps + 1 > maxNoOpRetries
            ? {status: 'warning', summary: `"NoOp" again; this check stops after ${maxNoOpRetries} waits.`}
            : {status: 'ok', summary: '"NoOp": the Web Connector waits and asks again.'}
          : text === 'Interactive mode'
            ? {status: 'warning', summary: 'The service asks for interactive mode, which this check does not open.'}
            : {status: 'error', summary: `The service reports: ${text || '(no message)'}`},
      );
      if (!last.ok) return failed(last);
      if (last.result !== 'NoOp') return close(ticket, 'service-error');
      if (++noOps > maxNoOpRetries) return close(ticket, 'no-work');
      await sleep(noOpDelayMs);
      continue;
    }
    requests++;
    const processed = simulator.processRequest(sent.result);
    const received = await call(
      'receiveResponseXML',
      processed.ok
        ? {ticket, response: processed.response, hresult: '', message: ''}
        : {ticket, response: '', hresult: processed.hresult, message: processed.message},
      (percent) => {
        const prefix = processed.ok
          ? 'QuickBooks processed the request.'
          : `QuickBooks rejected the request: ${processed.hresult} ${processed.message}`;
        if (percent < 0) return {status: 'error', summary: `${prefix} The service answered ${percent} (an error).`};
        if (!processed.ok) {
          return {
            status: 'warning',
            summary: `${prefix} The service answered ${percent}%, but should answer a negative number for a QuickBooks error.`,
          };
        }
        if (percent >= 100) return {status: 'ok', summary: `${prefix} The service reports 100%: done.`};
        const limit = requests >= maxRequests ? ` This check stops here after ${maxRequests} requests.` : '';
        return {status: limit ? 'warning' : 'ok', summary: `${prefix} The service reports ${percent}%; more to come.${limit}`};
      },
    );
    if (!received.ok) return failed(received);
    if (received.result < 0) {
      const last = await call('getLastError', {ticket}, (text) => ({
        status: 'error',
        summary: `The service explains: ${text || '(no message)'}`,
      }));
      if (!last.ok) return failed(last);
      return processed.ok ? close(ticket, 'service-error') : close(ticket, 'qbxml-error', processed.hresult);
    }
    if (received.result >= 100)
      return close(ticket, processed.ok ? 'connected' : 'qbxml-error', processed.ok ? undefined : processed.hresult);
  }
  return close(ticket, 'service-error');
}
