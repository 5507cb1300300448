/**
 * Where the test service keeps issued credentials and live sessions. The interface is small and
 * synchronous so the SOAP path stays synchronous; a deployment with several instances can back it
 * with a shared store behind a local cache without touching the protocol code.
 *
 * Every collection is bounded and expires: an endpoint open to the Internet must not grow without
 * limit however many credentials or sessions it is asked for.
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

export interface StoredCredential {
  userName: string;
  /** Hex SHA-256 of the issued password; the password itself is never stored. */
  passwordHash: string;
  scenario: TestScenario;
  appName: string;
  createdAt: number;
  expiresAt: number;
  /** Recent sessions, newest last, bounded by the service. */
  log: SessionLogEntry[];
}

export type SessionState = 'authenticated' | 'awaiting-response' | 'finished' | 'failed' | 'closed';

export interface StoredSession {
  ticket: string;
  userName: string;
  scenario: TestScenario;
  state: SessionState;
  /** The company file authenticate named ("" = the open one). */
  companyFile: string;
  requestsSent: number;
  lastError: string;
  startedAt: number;
  lastSeenAt: number;
  /** The log entry this session writes to (shared with the credential's log). */
  log: SessionLogEntry;
}

export interface SessionStoreLimits {
  maxCredentials: number;
  maxSessions: number;
}

export interface SessionStore {
  readonly limits: SessionStoreLimits;
  /** False when the store is full of unexpired credentials. */
  addCredential(credential: StoredCredential, now: number): boolean;
  /** Undefined when unknown or expired (expired ones are dropped). */
  getCredential(userName: string, now: number): StoredCredential | undefined;
  /** Adds a session, evicting the least recently used one when full. */
  addSession(session: StoredSession, now: number): void;
  /** Undefined when unknown or idle for longer than `idleTtlMs`; marks the session as just used. */
  touchSession(ticket: string, now: number, idleTtlMs: number): StoredSession | undefined;
  /** Whether the ticket names a session that expired or was evicted recently (for a clearer error). */
  wasExpired(ticket: string): boolean;
  deleteSession(ticket: string): void;
  counts(now: number): {credentials: number; sessions: number};
}

export interface MemorySessionStoreOptions {
  maxCredentials?: number;
  maxSessions?: number;
  /** How long an idle session is kept before eviction makes room (the service decides expiry). */
  sessionIdleTtlMs?: number;
}

export const DEFAULT_MAX_CREDENTIALS = 10_000;
export const DEFAULT_MAX_SESSIONS = 5_000;
export const DEFAULT_SESSION_IDLE_TTL_MS = 15 * 60_000;
const EXPIRED_TICKET_MEMORY = 1_000;

/**
 * The default store: two Maps kept in insertion order, so the oldest entry is always first and
 * expiry or eviction only ever looks at the front.
 */
export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const limits: SessionStoreLimits = {
    maxCredentials: Math.max(1, options.maxCredentials ?? DEFAULT_MAX_CREDENTIALS),
    maxSessions: Math.max(1, options.maxSessions ?? DEFAULT_MAX_SESSIONS),
  };
  const idleTtl = options.sessionIdleTtlMs ?? DEFAULT_SESSION_IDLE_TTL_MS;
  // Credentials all get the same lifetime, so insertion order is expiry order.
  const credentials = new Map<string, StoredCredential>();
  // Re-inserted on every touch, so insertion order is least-recently-used order.
  const sessions = new Map<string, StoredSession>();
  const expiredTickets = new Set<string>();

  function rememberExpired(ticket: string): void {
    if (expiredTickets.size >= EXPIRED_TICKET_MEMORY) {
      const oldest = expiredTickets.values().next();
      if (!oldest.done) expiredTickets.delete(oldest.value);
    }
    expiredTickets.add(ticket);
  }

  function dropExpiredCredentials(now: number): void {
    for (const [userName, credential] of credentials) {
      if (credential.expiresAt > now) break;
      credentials.delete(userName);
    }
  }

  function dropIdleSessions(now: number, ttl: number): void {
    for (const [ticket, session] of sessions) {
      if (now - session.lastSeenAt < ttl) break;
      sessions.delete(ticket);
      rememberExpired(ticket);
    }
  }

  return {
    limits,
    addCredential(credential, now) {
      dropExpiredCredentials(now);
      if (credentials.size >= limits.maxCredentials) return false;
      credentials.set(credential.userName, credential);
      return true;
    },
    getCredential(userName, now) {
      const credential = credentials.get(userName);
      if (credential === undefined) return undefined;
      if (credential.expiresAt <= now) {
        credentials.delete(userName);
        return undefined;
      }
      return credential;
    },
    addSession(session, now) {
      dropIdleSessions(now, idleTtl);
      while (sessions.size >= limits.maxSessions) {
        const oldest = sessions.keys().next();
        if (oldest.done) break;
        sessions.delete(oldest.value);
        rememberExpired(oldest.value);
      }
      sessions.set(session.ticket, session);
    },
    touchSession(ticket, now, idleTtlMs) {
      const session = sessions.get(ticket);
      if (session === undefined) return undefined;
      sessions.delete(ticket);
      if (now - session.lastSeenAt >= idleTtlMs) {
        rememberExpired(ticket);
        return undefined;
      }
      session.lastSeenAt = now;
      sessions.set(ticket, session);
      return session;
    },
    wasExpired(ticket) {
      return expiredTickets.has(ticket);
    },
    deleteSession(ticket) {
      sessions.delete(ticket);
    },
    counts(now) {
      dropExpiredCredentials(now);
      dropIdleSessions(now, idleTtl);
      return {credentials: credentials.size, sessions: sessions.size};
    },
  };
}
