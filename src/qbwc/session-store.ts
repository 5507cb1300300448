/**
 * The port between the test service and wherever it keeps issued credentials and live sessions.
 *
 * The store owns its records: every change goes through one of these calls, each call hands
 * back a copy, and nothing outside holds a live reference into it. Changes to a session are
 * compare-and-set on its `version`, so when several instances share one store, two of them can
 * never both accept the same step of a session, and a ticket is ended exactly once.
 *
 * Implementations: src/endpoint/store/memory.ts (the default, lru-cache), redis.ts (several Node
 * instances) and durable-object.ts (a Cloudflare Worker). Every one is bounded and expires.
 */

import type {TestScenario} from './scenarios';

export {TEST_SCENARIOS, isTestScenario, type TestScenario} from './scenarios';

export type SessionStatus =
  'in-progress' | 'connected' | 'no-work' | 'busy' | 'invalid-password' | 'connection-error' | 'qbxml-error' | 'expired';

/** One call as the log keeps it: never a password, never a ticket, never a payload. */
export interface SessionLogStep {
  at: number;
  method: string;
  summary: string;
}

export interface SessionLogEntry {
  startedAt: number;
  lastMethod: string;
  status: SessionStatus;
  steps: SessionLogStep[];
}

/** A refused sign-in for a known user, kept apart so it never pushes real sessions out of the log. */
export interface FailedLogin {
  at: number;
  summary: string;
}

export interface CredentialActivity {
  /** Recent sessions, oldest first. */
  sessions: SessionLogEntry[];
  /** Recent refused sign-ins, oldest first. */
  failedLogins: FailedLogin[];
}

export interface CredentialRecord {
  userName: string;
  /** Hex SHA-256 of the issued password; the password itself is never stored. */
  passwordHash: string;
  scenario: TestScenario;
  appName: string;
  createdAt: number;
  expiresAt: number;
  /** When the password was first accepted; 0 while it never was (such credentials live briefly). */
  activatedAt: number;
}

export type SessionState = 'authenticated' | 'awaiting-response' | 'finished' | 'failed' | 'closed';

export interface SessionRecord {
  ticket: string;
  userName: string;
  /** Names this session's entry in the user's log (not the ticket: the log never holds one). */
  logId: string;
  scenario: TestScenario;
  state: SessionState;
  /** The company file authenticate named ("" = the open one). */
  companyFile: string;
  requestsSent: number;
  lastError: string;
  startedAt: number;
  lastSeenAt: number;
  /** Raised by one on every accepted change; a change made from an older version is refused. */
  version: number;
}

/** One step for the session's log entry; `status` (when given) becomes the entry's status. */
export interface LogStepChange {
  step: SessionLogStep;
  status?: SessionStatus;
}

export type SessionLookup = {found: SessionRecord} | {missing: 'unknown' | 'expired'};

export interface SessionStoreLimits {
  /** Credentials whose password was accepted at least once. */
  maxCredentials: number;
  /** Credentials never used yet: short-lived, and evicted before any other. */
  maxPendingCredentials: number;
  maxSessions: number;
  /** Approximate bytes every collection together may hold (strings counted as UTF-16). */
  maxBytes: number;
}

export interface SessionStoreCounts {
  credentials: number;
  pendingCredentials: number;
  sessions: number;
}

export interface SessionStore {
  readonly limits: SessionStoreLimits;
  /** Stores a new, never-used credential; the oldest never-used one is evicted when full. */
  createCredential(credential: CredentialRecord): Promise<void>;
  /** A copy, or undefined when unknown or expired. */
  getCredential(userName: string): Promise<CredentialRecord | undefined>;
  /** Keeps a refused sign-in in the user's own bounded list of failed attempts. */
  recordFailedLogin(userName: string, attempt: FailedLogin): Promise<void>;
  /**
   * Stores a new session and opens its log entry with `first`. When the credential was never used,
   * it becomes active and lives until `activeUntil`.
   */
  startSession(session: SessionRecord, first: LogStepChange, activeUntil: number): Promise<void>;
  /** A copy of the session. Reading does not extend its life; only an accepted change does. */
  getSession(ticket: string): Promise<SessionLookup>;
  /**
   * Replaces the session with `next` if the stored one is still at `next.version - 1`, and appends
   * `change` to its log entry, atomically. False when another call changed or ended it first.
   */
  updateSession(next: SessionRecord, change: LogStepChange): Promise<boolean>;
  /** Records a step the session did not accept (refused calls); no version check. */
  appendLogStep(session: SessionRecord, change: LogStepChange): Promise<void>;
  /** Ends the session if it is still at `last.version`, logging `change`: a ticket is ended once. */
  endSession(last: SessionRecord, change: LogStepChange): Promise<boolean>;
  /** The user's log, or undefined for a user that is unknown or expired. */
  activity(userName: string): Promise<CredentialActivity | undefined>;
  counts(): Promise<SessionStoreCounts>;
  /** Releases connections (a no-op for in-memory stores). */
  close(): Promise<void>;
}

/** Thrown by a store whose backing service cannot be reached; the endpoint answers 503. */
export class SessionStoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The session store is unavailable.');
    this.name = 'SessionStoreUnavailableError';
    if (cause !== undefined) (this as {cause?: unknown}).cause = cause;
  }
}

export interface LogBounds {
  /** Sessions kept per user. Default 10. */
  sessionsPerUser: number;
  /** Steps kept per session: the first (authenticate) and the most recent. Default 20. */
  stepsPerSession: number;
  /** Refused sign-ins kept per user. Default 10. */
  failedLoginsPerUser: number;
}

export const DEFAULT_LOG_BOUNDS: Readonly<LogBounds> = Object.freeze({
  sessionsPerUser: 10,
  stepsPerSession: 20,
  failedLoginsPerUser: 10,
});

export const DEFAULT_MAX_CREDENTIALS = 10_000;
export const DEFAULT_MAX_PENDING_CREDENTIALS = 2_000;
export const DEFAULT_MAX_SESSIONS = 5_000;
export const DEFAULT_MAX_STORE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_SESSION_IDLE_TTL_MS = 15 * 60_000;

/** How big a store may grow and how long a session lives: every store takes these options. */
export interface SessionStoreBoundsOptions {
  maxCredentials?: number;
  maxPendingCredentials?: number;
  maxSessions?: number;
  /** Bytes all collections together may hold (approximate: strings counted as UTF-16). Default 64 MiB. */
  maxBytes?: number;
  /** Idle time after which a session expires. Default 15 minutes (give the service the same). */
  sessionIdleTtlMs?: number;
  log?: Partial<LogBounds>;
  /** The clock (tests pass a fake one; give the service the same). */
  now?: () => number;
}

/** The limits a store keeps, from its options (defaults filled in, nonsense raised to a floor). */
export function storeLimits(options: SessionStoreBoundsOptions = {}): SessionStoreLimits {
  return {
    maxCredentials: Math.max(1, options.maxCredentials ?? DEFAULT_MAX_CREDENTIALS),
    maxPendingCredentials: Math.max(1, options.maxPendingCredentials ?? DEFAULT_MAX_PENDING_CREDENTIALS),
    maxSessions: Math.max(1, options.maxSessions ?? DEFAULT_MAX_SESSIONS),
    maxBytes: Math.max(64 * 1024, options.maxBytes ?? DEFAULT_MAX_STORE_BYTES),
  };
}

export function logBounds(bounds: Partial<LogBounds> = {}): LogBounds {
  return {
    sessionsPerUser: Math.max(1, Math.floor(bounds.sessionsPerUser ?? DEFAULT_LOG_BOUNDS.sessionsPerUser)),
    stepsPerSession: Math.max(2, Math.floor(bounds.stepsPerSession ?? DEFAULT_LOG_BOUNDS.stepsPerSession)),
    failedLoginsPerUser: Math.max(1, Math.floor(bounds.failedLoginsPerUser ?? DEFAULT_LOG_BOUNDS.failedLoginsPerUser)),
  };
}

/** Adds a step to an entry the caller owns, keeping the first step and the most recent ones. */
export function appendStep(entry: SessionLogEntry, change: LogStepChange, stepsPerSession: number): void {
  if (entry.steps.length >= stepsPerSession) entry.steps.splice(1, 1);
  entry.steps.push(change.step);
  entry.lastMethod = change.step.method;
  if (change.status !== undefined) entry.status = change.status;
}

/** A fresh copy of a session record (every field is a primitive). */
export function copySession(session: SessionRecord): SessionRecord {
  return {...session};
}

export function copyEntry(entry: SessionLogEntry): SessionLogEntry {
  return {
    startedAt: entry.startedAt,
    lastMethod: entry.lastMethod,
    status: entry.status,
    steps: entry.steps.map((step) => ({...step})),
  };
}
