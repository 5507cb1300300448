/**
 * The QBWC test service: issues test credentials (each with a scenario), then plays the service
 * side of a Web Connector session for them, over a SessionStore port (session-store.ts). Every
 * call reads a copy of the session, decides, and hands the store the next version; the store
 * refuses a version that another call got to first, so instances sharing a store never both
 * accept the same step.
 *
 * How errors surface (one rule): a call the protocol cannot answer (unknown or expired ticket,
 * a call out of order, a bad parameter) throws QbwcServiceError, and the endpoint turns it into
 * a SOAP Fault (soap:Client, HTTP 500) whose text says what happened and what to do. Everything
 * the protocol has a value for is answered with that value: "nvu" for a bad login, a negative
 * receiveResponseXML for a QuickBooks error, the error text from getLastError. The one exception
 * is closeConnection with an empty ticket, which the Web Connector sends after "nvu": it gets a
 * plain status text, because a Fault there would hide the real problem behind QBWC1044. A store
 * that cannot be reached throws SessionStoreUnavailableError, which the endpoint answers with 503.
 */
import {sha256} from '@noble/hashes/sha2';
import {bytesToHex} from '@noble/hashes/utils';
import {generatePassword} from './password';
import {buildQwc, defaultQwc, qwcFileName} from './qwc';
import {buildQbxmlRequest, QBXML_VERSION} from './qbxml';
import type {QbwcMethod, QbwcParams, QbwcResult, QbwcResultValue} from './soap';
import {
  DEFAULT_SESSION_IDLE_TTL_MS,
  isTestScenario,
  SessionStoreUnavailableError,
  TEST_SCENARIOS,
  type CredentialActivity,
  type CredentialRecord,
  type LogStepChange,
  type SessionLogEntry,
  type SessionRecord,
  type SessionStatus,
  type SessionStore,
  type TestScenario,
} from './session-store';
import {MAX_STORED_HRESULT, MAX_STORED_MESSAGE, storedText} from './stored-text';

export {TEST_SCENARIOS, isTestScenario, SessionStoreUnavailableError};
export type {TestScenario, SessionStore, SessionLogEntry, SessionStatus, CredentialActivity};

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
  /** Where credentials and sessions live (src/endpoint/store/memory.ts is the default store). */
  store: SessionStore;
  now?: () => number;
  /** Idle time after which a ticket stops working. Default 15 minutes; give the store the same. */
  ticketTtlMs?: number;
  /** Lifetime of a credential once its password was accepted. Default 7 days. */
  credentialTtlMs?: number;
  /** Lifetime of a credential whose password was never accepted. Default 2 hours. */
  pendingCredentialTtlMs?: number;
  /** serverVersion's answer. */
  serverVersion?: string;
  /** qbXML requests a healthy session exchanges before reporting 100%. Default 1. */
  requestsPerSession?: number;
  /** What getInteractiveURL answers (the endpoint passes its support page). */
  interactiveUrl?: string;
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
  /** Until the first accepted sign-in; that sign-in extends the life to credentialTtlMs. */
  expiresAt: number;
}

export interface SessionSummary {
  startedAt: number;
  lastMethod: string;
  status: SessionStatus;
}

export interface ServiceStats {
  credentials: number;
  pendingCredentials: number;
  sessions: number;
  maxCredentials: number;
  maxPendingCredentials: number;
  maxSessions: number;
}

export interface TestService {
  /** Answers one Web Connector call. Rejects with QbwcServiceError when the protocol has no answer. */
  call<M extends QbwcMethod>(method: M, params: QbwcParams<M>): Promise<QbwcResult<M>>;
  call(method: QbwcMethod, params: Readonly<Record<string, string>>): Promise<QbwcResultValue>;
  /** Issues a user name and password for one scenario. */
  issueConnection(options: IssueConnectionOptions): Promise<IssuedConnection>;
  /** The user's recent sessions and refused sign-ins; undefined for a user that is unknown or expired. */
  activity(userName: string): Promise<CredentialActivity | undefined>;
  stats(): Promise<ServiceStats>;
  readonly store: SessionStore;
  readonly ticketTtlMs: number;
}

export const DEFAULT_CREDENTIAL_TTL_MS = 7 * 24 * 60 * 60_000;
export const DEFAULT_PENDING_CREDENTIAL_TTL_MS = 2 * 60 * 60_000;
export const DEFAULT_SERVER_VERSION = 'QBWC test service 1.0.0';
/** What qb-not-running scenario users are told to open: a file no QuickBooks has, so opening fails. */
export const MISSING_COMPANY_FILE = 'C:\\QuickBooks\\Missing Company.qbw';
export const BUSY_POSTPONE_SECONDS = '30';
/** Web Connector versions below this get a warning from clientVersion. */
export const MIN_CLIENT_VERSION: readonly [number, number] = [2, 1];

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

/** SHA-256 of the canonical form (password.ts decides which typing slips are forgiven). */
// The exact text is hashed, as a real service compares it: a pasted password with a stray space
// or a look-alike letter fails here as it would there, and the password check names the damage.
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

function parseVersion(text: string): [number, number] | undefined {
  const match = /^\s*(\d{1,4})\.(\d{1,4})/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

const SCENARIO_NOTES: Record<TestScenario, string> = {
  healthy: 'a normal session: one qbXML request, then 100% done',
  'no-work': 'authenticate answers "none" (no data exchange required)',
  busy: `authenticate answers "busy" and postpones the update by ${BUSY_POSTPONE_SECONDS} seconds`,
  'wrong-password': 'authenticate always answers "nvu", as for a wrong password',
  'qb-not-running': 'authenticate names a company file QuickBooks cannot open, so the Web Connector calls connectionError',
  'qbxml-error': 'sendRequestXML returns qbXML QuickBooks cannot parse (0x80040400)',
};

export function describeScenario(scenario: TestScenario): string {
  return SCENARIO_NOTES[scenario];
}

export function createTestService(options: TestServiceOptions): TestService {
  const store = options.store;
  const now = options.now ?? Date.now;
  const ticketTtlMs = options.ticketTtlMs ?? DEFAULT_SESSION_IDLE_TTL_MS;
  const credentialTtlMs = options.credentialTtlMs ?? DEFAULT_CREDENTIAL_TTL_MS;
  const pendingTtlMs = Math.min(credentialTtlMs, options.pendingCredentialTtlMs ?? DEFAULT_PENDING_CREDENTIAL_TTL_MS);
  const serverVersion = options.serverVersion ?? DEFAULT_SERVER_VERSION;
  const requestsPerSession = Math.max(1, Math.floor(options.requestsPerSession ?? 1));
  const interactiveUrl = options.interactiveUrl ?? '';

  function logged(method: string, summary: string, status?: SessionStatus): LogStepChange {
    const step = {at: now(), method, summary};
    return status === undefined ? {step} : {step, status};
  }

  async function requireSession(method: QbwcMethod, ticket: string): Promise<SessionRecord> {
    if (ticket === '') {
      throw new QbwcServiceError(
        'unknown-ticket',
        `${method} was called without a ticket. Call authenticate first and pass the ticket it returns.`,
      );
    }
    const lookup = await store.getSession(ticket);
    if ('found' in lookup) return lookup.found;
    if (lookup.missing === 'expired') {
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

  /** Hands the store the next version; another call that got there first wins and this one is refused. */
  async function save(next: SessionRecord, change: LogStepChange): Promise<void> {
    if (!(await store.updateSession(next, change))) concurrentChange(next);
  }

  function concurrentChange(session: SessionRecord): never {
    throw new QbwcServiceError(
      'out-of-order',
      `Another call for this session was answered at the same moment (ticket used twice at once); the session is at step ${session.version}. Run the update again.`,
    );
  }

  async function outOfOrder(session: SessionRecord, method: QbwcMethod, expected: string): Promise<never> {
    await store.appendLogStep(session, logged(method, `Refused: called out of order (${expected}).`));
    throw new QbwcServiceError('out-of-order', `${method} was called out of order: ${expected}.`);
  }

  function next(session: SessionRecord, change: Partial<SessionRecord>): SessionRecord {
    return {...session, ...change, lastSeenAt: now(), version: session.version + 1};
  }

  async function authenticate(userName: string, password: string): Promise<string[]> {
    // Hash before the lookup so an unknown user costs the same time as a wrong password.
    const candidate = hashPassword(password);
    const credential = await store.getCredential(userName);
    if (credential === undefined) return ['', 'nvu'];
    const matches = password !== '' && digestsEqual(candidate, credential.passwordHash);
    if (!matches || credential.scenario === 'wrong-password') {
      // Kept apart from the sessions, so guessing at a user's password never pushes their real sessions out.
      await store.recordFailedLogin(credential.userName, {
        at: now(),
        summary: matches
          ? 'Answered "nvu": this user was issued for the wrong-password scenario.'
          : 'Answered "nvu": the password does not match the one issued for this user.',
      });
      return ['', 'nvu'];
    }
    const scenario = credential.scenario;
    const ticket = newTicket();
    const at = now();
    let result: string[];
    let status: SessionStatus = 'in-progress';
    let state: SessionRecord['state'] = 'authenticated';
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
    await store.startSession(
      {
        ticket,
        // The stored name, not the request's text: a record keeps nothing that points into a request.
        userName: credential.userName,
        logId: newTicket(),
        scenario,
        state,
        companyFile: scenario === 'qb-not-running' ? MISSING_COMPANY_FILE : '',
        requestsSent: 0,
        lastError: '',
        startedAt: at,
        lastSeenAt: at,
        version: 1,
      },
      {step: {at, method: 'authenticate', summary}, status},
      at + credentialTtlMs,
    );
    return result;
  }

  async function sendRequestXML(params: Readonly<Record<string, string>>): Promise<string> {
    const session = await requireSession('sendRequestXML', params.ticket ?? '');
    if (session.state === 'awaiting-response') {
      return outOfOrder(session, 'sendRequestXML', 'the previous request has not been answered with receiveResponseXML yet');
    }
    if (session.state !== 'authenticated') {
      return outOfOrder(session, 'sendRequestXML', 'this session has no more work; call closeConnection');
    }
    const first = session.requestsSent === 0;
    const hcp = params.strHCPResponse ?? '';
    const requestsSent = session.requestsSent + 1;
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
    await save(
      next(session, {requestsSent, state: 'awaiting-response'}),
      logged('sendRequestXML', `Sent ${what}, request ${requestsSent} of ${requestsPerSession}.${note}`),
    );
    return qbxml;
  }

  async function receiveResponseXML(params: Readonly<Record<string, string>>): Promise<number> {
    const session = await requireSession('receiveResponseXML', params.ticket ?? '');
    if (session.state !== 'awaiting-response') {
      return outOfOrder(session, 'receiveResponseXML', 'there is no outstanding request; call sendRequestXML first');
    }
    const hresult = storedText((params.hresult ?? '').trim(), MAX_STORED_HRESULT);
    const response = params.response ?? '';
    if (hresult !== '') {
      const message = (params.message ?? '').trim();
      const lastError = storedText(
        `QuickBooks could not process the request: ${hresult}${message ? ` ${message}` : ''}`,
        MAX_STORED_MESSAGE,
      );
      await save(
        next(session, {lastError, state: 'failed'}),
        logged('receiveResponseXML', `QuickBooks reported ${hresult}; answered -101.`, 'qbxml-error'),
      );
      return -101;
    }
    if (response.trim() === '') {
      await save(
        next(session, {lastError: 'The Web Connector sent an empty response without an HRESULT.', state: 'failed'}),
        logged('receiveResponseXML', 'The response was empty; answered -102.', 'qbxml-error'),
      );
      return -102;
    }
    const percent = Math.min(100, Math.floor((session.requestsSent * 100) / requestsPerSession));
    await save(
      next(session, {state: percent >= 100 ? 'finished' : 'authenticated'}),
      logged(
        'receiveResponseXML',
        `Received ${response.length} characters of qbXML; answered ${percent}%.`,
        percent >= 100 ? 'connected' : undefined,
      ),
    );
    return percent;
  }

  async function connectionError(params: Readonly<Record<string, string>>): Promise<string> {
    const session = await requireSession('connectionError', params.ticket ?? '');
    if (session.state !== 'authenticated' || session.requestsSent > 0) {
      return outOfOrder(session, 'connectionError', 'it is only expected between authenticate and the first sendRequestXML');
    }
    const hresult = storedText((params.hresult ?? '').trim(), MAX_STORED_HRESULT);
    const message = (params.message ?? '').trim();
    const lastError = storedText(
      `The Web Connector could not open the company file: ${hresult}${message ? ` ${message}` : ''}`,
      MAX_STORED_MESSAGE,
    );
    await save(
      next(session, {lastError, state: 'failed'}),
      logged(
        'connectionError',
        `QuickBooks could not be opened (${hresult || 'no HRESULT'}); answered "done".`,
        'connection-error',
      ),
    );
    return 'done';
  }

  async function getLastError(params: Readonly<Record<string, string>>): Promise<string> {
    const session = await requireSession('getLastError', params.ticket ?? '');
    const result = session.lastError === '' ? 'NoOp' : session.lastError;
    await save(
      next(session, {}),
      logged('getLastError', result === 'NoOp' ? 'No error recorded; answered "NoOp".' : 'Returned the last error.'),
    );
    return result;
  }

  async function closeConnection(params: Readonly<Record<string, string>>): Promise<string> {
    const ticket = params.ticket ?? '';
    // After "nvu" the Web Connector closes with the empty ticket it was given.
    if (ticket === '') return 'OK: no session was open.';
    const session = await requireSession('closeConnection', ticket);
    const previous = session.state;
    let result: string;
    if (session.scenario === 'no-work') result = 'OK: no data exchange was required.';
    else if (session.scenario === 'busy')
      result = `OK: the service was busy; the update was postponed by ${BUSY_POSTPONE_SECONDS} seconds.`;
    else if (previous === 'failed') result = `OK: the session ended with an error. ${session.lastError}`;
    else if (previous === 'finished') {
      const count = session.requestsSent;
      result = `OK: ${count} qbXML request${count === 1 ? '' : 's'} answered by QuickBooks.`;
    } else result = 'OK: the session was closed before the exchange finished.';
    if (!(await store.endSession(session, logged('closeConnection', result)))) concurrentChange(session);
    return result;
  }

  async function interactive(
    method: 'getInteractiveURL' | 'interactiveDone' | 'interactiveRejected',
    ticket: string,
  ): Promise<string> {
    const session = await requireSession(method, ticket);
    const result =
      method === 'getInteractiveURL'
        ? interactiveUrl
        : method === 'interactiveDone'
          ? 'Done'
          : 'This test service never asks for interactive mode; nothing was skipped.';
    await save(next(session, {}), logged(method, 'Answered; this test service does not use interactive mode.'));
    return result;
  }

  async function call(method: QbwcMethod, params: Readonly<Record<string, string>>): Promise<QbwcResultValue> {
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

  async function issueConnection(request: IssueConnectionOptions): Promise<IssuedConnection> {
    const scenario = request.scenario ?? 'healthy';
    if (!isTestScenario(scenario)) {
      throw new QbwcServiceError('bad-parameter', `Unknown scenario. Use one of: ${TEST_SCENARIOS.join(', ')}.`);
    }
    const at = now();
    let userName = newUserName();
    while ((await store.getCredential(userName)) !== undefined) userName = newUserName();
    const password = generatePassword();
    const appName = storedText(request.appName?.trim() || 'QBWC Test Service', 80);
    const credential: CredentialRecord = {
      userName,
      passwordHash: hashPassword(password),
      scenario,
      appName,
      createdAt: at,
      expiresAt: at + pendingTtlMs,
      activatedAt: 0,
    };
    await store.createCredential(credential);
    const qwc = buildQwc(
      defaultQwc({
        appName,
        appUrl: request.endpointUrl,
        appSupport: request.supportUrl,
        userName,
        appDescription: request.appDescription ?? `Test connection (${scenario}): ${SCENARIO_NOTES[scenario]}`.slice(0, 80),
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
    activity: (userName) => store.activity(userName),
    async stats() {
      const counts = await store.counts();
      const {maxCredentials, maxPendingCredentials, maxSessions} = store.limits;
      return {...counts, maxCredentials, maxPendingCredentials, maxSessions};
    },
    store,
    ticketTtlMs,
  };
}
