/**
 * The QBWC test service: issues test credentials (each with a scenario), then plays the service
 * side of a Web Connector session for them. Synchronous on purpose: every call is a few Map
 * lookups, so nothing here needs to wait.
 *
 * How errors surface (one rule): a call the protocol cannot answer (unknown or expired ticket,
 * a call out of order, a bad parameter) throws QbwcServiceError, and the endpoint turns it into
 * a SOAP Fault (soap:Client, HTTP 500) whose text says what happened and what to do. Everything
 * the protocol has a value for is answered with that value: "nvu" for a bad login, a negative
 * receiveResponseXML for a QuickBooks error, the error text from getLastError. The one exception
 * is closeConnection with an empty ticket, which the Web Connector sends after "nvu": it gets a
 * plain status text, because a Fault there would hide the real problem behind QBWC1044.
 */
import {sha256} from '@noble/hashes/sha2';
import {bytesToHex} from '@noble/hashes/utils';
import {generatePassword} from './password';
import {buildQwc, defaultQwc, qwcFileName} from './qwc';
import {buildQbxmlRequest, QBXML_VERSION} from './qbxml';
import {BUSY_POSTPONE_SECONDS, scenarioNote} from './scenarios';
import type {QbwcMethod, QbwcParams, QbwcResult, QbwcResultValue} from './soap';
import {
  createMemorySessionStore,
  DEFAULT_SESSION_IDLE_TTL_MS,
  isTestScenario,
  TEST_SCENARIOS,
  type SessionLogEntry,
  type SessionStatus,
  type SessionStore,
  type StoredCredential,
  type StoredSession,
  type TestScenario,
} from './session-store';

export {TEST_SCENARIOS, isTestScenario, createMemorySessionStore, BUSY_POSTPONE_SECONDS};
export type {TestScenario, SessionStore, SessionLogEntry, SessionStatus};

export type QbwcServiceErrorCode =
  'unknown-ticket' | 'expired-ticket' | 'out-of-order' | 'bad-parameter' | 'store-full' | 'rate-limited';

export class QbwcServiceError extends Error {
  readonly code: QbwcServiceErrorCode;
  /** For store-full and rate-limited: when asking again makes sense. */
  readonly retryAfterSeconds?: number;
  constructor(code: QbwcServiceErrorCode, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'QbwcServiceError';
    this.code = code;
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface TestServiceOptions {
  store?: SessionStore;
  now?: () => number;
  /** Idle time after which a ticket stops working. Default 15 minutes. */
  ticketTtlMs?: number;
  /** Lifetime of issued credentials. Default 7 days. */
  credentialTtlMs?: number;
  /** serverVersion's answer. */
  serverVersion?: string;
  /** qbXML requests a healthy session exchanges before reporting 100%. Default 1. */
  requestsPerSession?: number;
  /** Credentials issued per minute across all callers (token bucket). Default 300. */
  issueRatePerMinute?: number;
  /** What getInteractiveURL answers (the endpoint passes its support page). */
  interactiveUrl?: string;
  /** Sessions kept per user in the log. Default 10. */
  logSessionsPerUser?: number;
  /** Steps kept per logged session. Default 20. */
  logStepsPerSession?: number;
}

export interface IssueConnectionOptions {
  scenario?: TestScenario;
  appName?: string;
  appDescription?: string;
  /** AppURL of the .qwc: where the Web Connector will POST. */
  endpointUrl: string;
  /** AppSupport of the .qwc. */
  supportUrl: string;
}

export interface IssuedConnection {
  userName: string;
  /** Shown once; only its hash is kept. */
  password: string;
  qwc: string;
  qwcFileName: string;
  scenario: TestScenario;
  expiresAt: number;
}

export interface SessionSummary {
  startedAt: number;
  lastMethod: string;
  status: SessionStatus;
}

export interface TestService {
  /** Answers one Web Connector call. Throws QbwcServiceError when the protocol has no answer. */
  call<M extends QbwcMethod>(method: M, params: QbwcParams<M>): QbwcResult<M>;
  call(method: QbwcMethod, params: Readonly<Record<string, string>>): QbwcResultValue;
  /** Issues a user name and password for one scenario. Throws QbwcServiceError when full or rate-limited. */
  issueConnection(options: IssueConnectionOptions): IssuedConnection;
  /** The user's recent sessions, oldest first; undefined for a user that is unknown or expired. */
  recentSessions(userName: string): SessionLogEntry[] | undefined;
  /** The most recent session of any user (no user name: this is shown on the public support page). */
  lastSession(): SessionSummary | undefined;
  stats(): {credentials: number; sessions: number; maxCredentials: number; maxSessions: number};
  readonly store: SessionStore;
  readonly ticketTtlMs: number;
}

export const DEFAULT_CREDENTIAL_TTL_MS = 7 * 24 * 60 * 60_000;
export const DEFAULT_SERVER_VERSION = 'QBWC test service 1.0.0';
/** What qb-not-running scenario users are told to open: a file no QuickBooks has, so opening fails. */
export const MISSING_COMPANY_FILE = 'C:\\QuickBooks\\Missing Company.qbw';
/** Web Connector versions below this get a warning from clientVersion. */
export const MIN_CLIENT_VERSION: readonly [number, number] = [2, 1];
const MAX_ERROR_TEXT = 500;

// Built once: every healthy session sends the same request.
const COMPANY_QUERY = buildQbxmlRequest([{name: 'CompanyQueryRq', attributes: {requestID: '1'}, body: {}}]);
// A realistic bug: the request set is cut off before </QBXML>, so QuickBooks cannot parse it.
const TRUNCATED_COMPANY_QUERY = COMPANY_QUERY.slice(0, COMPANY_QUERY.lastIndexOf('</QBXML>'));

const hexTable = Array.from({length: 256}, (_, i) => i.toString(16).padStart(2, '0'));
const textEncoder = new TextEncoder();

// One getRandomValues call per 256 tickets: the call itself costs more than the rest of a ticket.
const randomPool = new Uint8Array(4096);
let randomOffset = randomPool.length;

/** A random GUID-shaped ticket (version 4 layout), from crypto.getRandomValues. */
function newTicket(): string {
  if (randomOffset + 16 > randomPool.length) {
    globalThis.crypto.getRandomValues(randomPool);
    randomOffset = 0;
  }
  const at = randomOffset;
  randomOffset += 16;
  let hex = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) hex += '-';
    let byte = randomPool[at + i]!;
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    hex += hexTable[byte];
  }
  // Used bytes are wiped so a ticket never lingers in the pool.
  randomPool.fill(0, at, at + 16);
  return hex;
}

function newUserName(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(5));
  let hex = '';
  for (const byte of bytes) hex += hexTable[byte];
  return `qbwc-test-${hex}`;
}

/**
 * SHA-256 of the password exactly as typed: nothing is trimmed or normalised, as a real service
 * compares it. A stray space or a look-alike letter fails here as it would there, and the
 * password check names the damage.
 */
function hashPassword(password: string): string {
  return bytesToHex(sha256(textEncoder.encode(password)));
}

/** Compares two hex digests in time that does not depend on where they differ. */
function digestsEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function clip(text: string): string {
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}

function parseVersion(text: string): [number, number] | undefined {
  const match = /^\s*(\d{1,4})\.(\d{1,4})/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function createTestService(options: TestServiceOptions = {}): TestService {
  const now = options.now ?? Date.now;
  const ticketTtlMs = options.ticketTtlMs ?? DEFAULT_SESSION_IDLE_TTL_MS;
  const store = options.store ?? createMemorySessionStore({sessionIdleTtlMs: ticketTtlMs});
  const credentialTtlMs = options.credentialTtlMs ?? DEFAULT_CREDENTIAL_TTL_MS;
  const serverVersion = options.serverVersion ?? DEFAULT_SERVER_VERSION;
  const requestsPerSession = Math.max(1, Math.floor(options.requestsPerSession ?? 1));
  const issueRatePerMinute = Math.max(1, options.issueRatePerMinute ?? 300);
  const logSessionsPerUser = Math.max(1, options.logSessionsPerUser ?? 10);
  const logStepsPerSession = Math.max(2, options.logStepsPerSession ?? 20);
  const interactiveUrl = options.interactiveUrl ?? '';

  let issueTokens = issueRatePerMinute;
  let issueTokensAt = now();
  let latest: SessionLogEntry | undefined;

  function logStep(entry: SessionLogEntry, method: string, summary: string, status?: SessionStatus): void {
    const steps = entry.steps;
    // Keep the first step (authenticate) and the most recent ones.
    if (steps.length >= logStepsPerSession) steps.splice(1, 1);
    steps.push({at: now(), method, summary});
    entry.lastMethod = method;
    if (status !== undefined) entry.status = status;
  }

  function startLog(credential: StoredCredential, status: SessionStatus): SessionLogEntry {
    const entry: SessionLogEntry = {startedAt: now(), lastMethod: 'authenticate', status, steps: []};
    if (credential.log.length >= logSessionsPerUser) credential.log.shift();
    credential.log.push(entry);
    latest = entry;
    return entry;
  }

  function requireSession(method: QbwcMethod, ticket: string): StoredSession {
    if (ticket === '') {
      throw new QbwcServiceError(
        'unknown-ticket',
        `${method} was called without a ticket. Call authenticate first and pass the ticket it returns.`,
      );
    }
    const session = store.touchSession(ticket, now(), ticketTtlMs);
    if (session !== undefined) return session;
    if (store.wasExpired(ticket)) {
      throw new QbwcServiceError(
        'expired-ticket',
        `The ticket sent to ${method} has expired (sessions end after ${Math.round(ticketTtlMs / 60_000)} minutes without a call). Run the update again to get a new one.`,
      );
    }
    throw new QbwcServiceError(
      'unknown-ticket',
      `The ticket sent to ${method} is not one this service issued, or its session was closed. Call authenticate to start a new session.`,
    );
  }

  function outOfOrder(session: StoredSession, method: QbwcMethod, expected: string): never {
    logStep(session.log, method, `Refused: called out of order (${expected}).`);
    throw new QbwcServiceError('out-of-order', `${method} was called out of order: ${expected}.`);
  }

  function authenticate(userName: string, password: string): string[] {
    // Hash before the lookup so an unknown user costs the same time as a wrong password.
    const candidate = hashPassword(password);
    const credential = store.getCredential(userName, now());
    if (credential === undefined) return ['', 'nvu'];
    const matches = password !== '' && digestsEqual(candidate, credential.passwordHash);
    if (!matches || credential.scenario === 'wrong-password') {
      const entry = startLog(credential, 'invalid-password');
      logStep(
        entry,
        'authenticate',
        matches
          ? 'Answered "nvu": this user was issued for the wrong-password scenario.'
          : 'Answered "nvu": the password does not match the one issued for this user.',
      );
      return ['', 'nvu'];
    }
    const scenario = credential.scenario;
    const ticket = newTicket();
    const at = now();
    let result: string[];
    let status: SessionStatus = 'in-progress';
    let state: StoredSession['state'] = 'authenticated';
    let summary: string;
    switch (scenario) {
      case 'no-work':
        result = [ticket, 'none'];
        status = 'no-work';
        state = 'finished';
        summary = 'Answered "none": no data exchange required.';
        break;
      case 'busy':
        result = [ticket, 'busy', BUSY_POSTPONE_SECONDS];
        status = 'busy';
        state = 'finished';
        summary = `Answered "busy": the update is postponed by ${BUSY_POSTPONE_SECONDS} seconds.`;
        break;
      case 'qb-not-running':
        result = [ticket, MISSING_COMPANY_FILE];
        summary = `Accepted; asked QuickBooks to open ${MISSING_COMPANY_FILE}, which does not exist.`;
        break;
      default:
        result = [ticket, ''];
        summary = 'Accepted; asked for the company file open in QuickBooks.';
        break;
    }
    const entry = startLog(credential, status);
    logStep(entry, 'authenticate', summary);
    store.addSession(
      {
        ticket,
        userName,
        scenario,
        state,
        companyFile: result[1] === MISSING_COMPANY_FILE ? MISSING_COMPANY_FILE : '',
        requestsSent: 0,
        lastError: '',
        startedAt: at,
        lastSeenAt: at,
        log: entry,
      },
      at,
    );
    return result;
  }

  function sendRequestXML(params: Readonly<Record<string, string>>): string {
    const session = requireSession('sendRequestXML', params.ticket ?? '');
    if (session.state === 'awaiting-response') {
      outOfOrder(session, 'sendRequestXML', 'the previous request has not been answered with receiveResponseXML yet');
    }
    if (session.state !== 'authenticated') {
      outOfOrder(session, 'sendRequestXML', 'this session has no more work; call closeConnection');
    }
    const first = session.requestsSent === 0;
    const hcp = params.strHCPResponse ?? '';
    session.requestsSent++;
    session.state = 'awaiting-response';
    const qbxml = session.scenario === 'qbxml-error' ? TRUNCATED_COMPANY_QUERY : COMPANY_QUERY;
    const note =
      first && hcp === ''
        ? ' The first call carried no Host/Company/Preferences response (expected from QuickBooks Desktop, not from Point of Sale).'
        : first
          ? ` Received the Host/Company/Preferences response (${hcp.length} characters).`
          : '';
    const what =
      session.scenario === 'qbxml-error'
        ? 'a deliberately malformed CompanyQueryRq'
        : `a CompanyQueryRq (qbXML ${QBXML_VERSION})`;
    logStep(session.log, 'sendRequestXML', `Sent ${what}, request ${session.requestsSent} of ${requestsPerSession}.${note}`);
    return qbxml;
  }

  function receiveResponseXML(params: Readonly<Record<string, string>>): number {
    const session = requireSession('receiveResponseXML', params.ticket ?? '');
    if (session.state !== 'awaiting-response') {
      outOfOrder(session, 'receiveResponseXML', 'there is no outstanding request; call sendRequestXML first');
    }
    const hresult = (params.hresult ?? '').trim();
    const response = params.response ?? '';
    if (hresult !== '') {
      const message = (params.message ?? '').trim();
      session.lastError = clip(`QuickBooks could not process the request: ${hresult}${message ? ` ${message}` : ''}`);
      session.state = 'failed';
      logStep(session.log, 'receiveResponseXML', `QuickBooks reported ${clip(hresult)}; answered -101.`, 'qbxml-error');
      return -101;
    }
    if (response.trim() === '') {
      session.lastError = 'The Web Connector sent an empty response without an HRESULT.';
      session.state = 'failed';
      logStep(session.log, 'receiveResponseXML', 'The response was empty; answered -102.', 'qbxml-error');
      return -102;
    }
    const percent = Math.min(100, Math.floor((session.requestsSent * 100) / requestsPerSession));
    session.state = percent >= 100 ? 'finished' : 'authenticated';
    logStep(
      session.log,
      'receiveResponseXML',
      `Received ${response.length} characters of qbXML; answered ${percent}%.`,
      percent >= 100 ? 'connected' : undefined,
    );
    return percent;
  }

  function connectionError(params: Readonly<Record<string, string>>): string {
    const session = requireSession('connectionError', params.ticket ?? '');
    if (session.state !== 'authenticated' || session.requestsSent > 0) {
      outOfOrder(session, 'connectionError', 'it is only expected between authenticate and the first sendRequestXML');
    }
    const hresult = clip((params.hresult ?? '').trim());
    const message = clip((params.message ?? '').trim());
    session.lastError = clip(`The Web Connector could not open the company file: ${hresult}${message ? ` ${message}` : ''}`);
    session.state = 'failed';
    logStep(
      session.log,
      'connectionError',
      `QuickBooks could not be opened (${hresult || 'no HRESULT'}); answered "done".`,
      'connection-error',
    );
    return 'done';
  }

  function getLastError(params: Readonly<Record<string, string>>): string {
    const session = requireSession('getLastError', params.ticket ?? '');
    const result = session.lastError === '' ? 'NoOp' : session.lastError;
    logStep(session.log, 'getLastError', result === 'NoOp' ? 'No error recorded; answered "NoOp".' : 'Returned the last error.');
    return result;
  }

  function closeConnection(params: Readonly<Record<string, string>>): string {
    const ticket = params.ticket ?? '';
    // After "nvu" the Web Connector closes with the empty ticket it was given.
    if (ticket === '') return 'OK: no session was open.';
    const session = requireSession('closeConnection', ticket);
    store.deleteSession(ticket);
    const previous = session.state;
    session.state = 'closed';
    let result: string;
    if (session.scenario === 'no-work') result = 'OK: no data exchange was required.';
    else if (session.scenario === 'busy')
      result = `OK: the service was busy; the update was postponed by ${BUSY_POSTPONE_SECONDS} seconds.`;
    else if (previous === 'failed') result = `OK: the session ended with an error. ${session.lastError}`;
    else if (previous === 'finished') {
      const count = session.requestsSent;
      result = `OK: ${count} qbXML request${count === 1 ? '' : 's'} answered by QuickBooks.`;
    } else result = 'OK: the session was closed before the exchange finished.';
    logStep(session.log, 'closeConnection', result);
    return result;
  }

  function interactive(method: 'getInteractiveURL' | 'interactiveDone' | 'interactiveRejected', ticket: string): string {
    const session = requireSession(method, ticket);
    const result =
      method === 'getInteractiveURL'
        ? interactiveUrl
        : method === 'interactiveDone'
          ? 'Done'
          : 'This test service never asks for interactive mode; nothing was skipped.';
    logStep(session.log, method, 'Answered; this test service does not use interactive mode.');
    return result;
  }

  function call(method: QbwcMethod, params: Readonly<Record<string, string>>): QbwcResultValue {
    switch (method) {
      case 'serverVersion':
        return serverVersion;
      case 'clientVersion': {
        const version = parseVersion(params.strVersion ?? '');
        const [minMajor, minMinor] = MIN_CLIENT_VERSION;
        if (version && (version[0] < minMajor || (version[0] === minMajor && version[1] < minMinor))) {
          return `W:This test service expects Web Connector ${minMajor}.${minMinor} or later; version ${version[0]}.${version[1]} may not work. Download the current Web Connector from Intuit.`;
        }
        return '';
      }
      case 'authenticate':
        return authenticate(params.strUserName ?? '', params.strPassword ?? '');
      case 'sendRequestXML':
        return sendRequestXML(params);
      case 'receiveResponseXML':
        return receiveResponseXML(params);
      case 'connectionError':
        return connectionError(params);
      case 'getLastError':
        return getLastError(params);
      case 'closeConnection':
        return closeConnection(params);
      case 'getInteractiveURL':
      case 'interactiveDone':
      case 'interactiveRejected':
        return interactive(method, params.wcTicket ?? '');
      default:
        throw new QbwcServiceError('bad-parameter', `Unknown method ${String(method)}.`);
    }
  }

  function takeIssueToken(): void {
    const at = now();
    issueTokens = Math.min(issueRatePerMinute, issueTokens + ((at - issueTokensAt) * issueRatePerMinute) / 60_000);
    issueTokensAt = at;
    if (issueTokens < 1) {
      const waitSeconds = Math.ceil(((1 - issueTokens) * 60) / issueRatePerMinute);
      throw new QbwcServiceError('rate-limited', 'Too many test connections were requested; try again shortly.', waitSeconds);
    }
    issueTokens -= 1;
  }

  function issueConnection(request: IssueConnectionOptions): IssuedConnection {
    const scenario = request.scenario ?? 'healthy';
    if (!isTestScenario(scenario)) {
      throw new QbwcServiceError('bad-parameter', `Unknown scenario. Use one of: ${TEST_SCENARIOS.join(', ')}.`);
    }
    takeIssueToken();
    const at = now();
    let userName = newUserName();
    while (store.getCredential(userName, at) !== undefined) userName = newUserName();
    const password = generatePassword();
    const appName = request.appName?.trim() || 'QBWC Test Service';
    const credential: StoredCredential = {
      userName,
      passwordHash: hashPassword(password),
      scenario,
      appName,
      createdAt: at,
      expiresAt: at + credentialTtlMs,
      log: [],
    };
    if (!store.addCredential(credential, at)) {
      throw new QbwcServiceError('store-full', 'The test service holds as many test connections as it can; try again later.', 60);
    }
    const qwc = buildQwc(
      defaultQwc({
        appName,
        appUrl: request.endpointUrl,
        appSupport: request.supportUrl,
        userName,
        appDescription: request.appDescription ?? `Test connection (${scenario}): ${scenarioNote(scenario)}`.slice(0, 80),
      }),
    );
    return {
      userName,
      password,
      qwc,
      qwcFileName: qwcFileName(`${appName} ${userName}`),
      scenario,
      expiresAt: credential.expiresAt,
    };
  }

  return {
    call: call as TestService['call'],
    issueConnection,
    recentSessions(userName) {
      const credential = store.getCredential(userName, now());
      if (credential === undefined) return undefined;
      return credential.log.map((entry) => ({...entry, steps: entry.steps.map((step) => ({...step}))}));
    },
    lastSession() {
      return latest && {startedAt: latest.startedAt, lastMethod: latest.lastMethod, status: latest.status};
    },
    stats() {
      const counts = store.counts(now());
      return {...counts, ...store.limits};
    },
    store,
    ticketTtlMs,
  };
}
