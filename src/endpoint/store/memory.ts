/**
 * The default session store: one process's memory, nothing to install. Every collection is an
 * lru-cache bounded by count and by size, records expire with their lifetime, and credentials
 * never used yet sit in their own small cache, so a flood of them evicts only its own kind.
 * Records go in and come out as copies: nothing outside holds a live reference into the store.
 */
import {LRUCache} from 'lru-cache';
import {
  appendStep,
  copyEntry,
  copySession,
  DEFAULT_SESSION_IDLE_TTL_MS,
  logBounds,
  type CredentialActivity,
  type CredentialRecord,
  type FailedLogin,
  type LogStepChange,
  type SessionLogEntry,
  type SessionRecord,
  type SessionStore,
  storeLimits,
  type SessionStoreBoundsOptions,
} from '../../qbwc/session-store';

export interface MemorySessionStoreOptions extends SessionStoreBoundsOptions {
  /**
   * Told about every record written or removed (evictions and expiry included), to mirror the
   * store into durable storage (the Durable Object does). Keys: c:<user>, s:<ticket>, a:<user>.
   */
  onWrite?: (key: string, value: StoredValue | undefined) => void;
}

export type StoredValue = CredentialRecord | SessionRecord | ActivityRecord;

/** A user's log as stored (and as mirrored by onWrite). */
export interface ActivityRecord {
  entries: {logId: string; entry: SessionLogEntry}[];
  failedLogins: FailedLogin[];
  bytes: number;
}

export interface MemorySessionStore extends SessionStore {
  /** Puts back records mirrored by onWrite (expired ones are skipped); nothing is reported back. */
  restore(records: Iterable<[string, StoredValue]>): void;
}

type Activity = ActivityRecord;

/** Tickets remembered after their session expired or was evicted, for a clearer error. */
const ENDED_TICKET_MEMORY = 1_000;
const RECORD_OVERHEAD_BYTES = 64;

function credentialBytes(credential: CredentialRecord): number {
  return RECORD_OVERHEAD_BYTES + 2 * (credential.userName.length + credential.passwordHash.length + credential.appName.length);
}

function sessionBytes(session: SessionRecord): number {
  return (
    RECORD_OVERHEAD_BYTES +
    2 *
      (session.ticket.length +
        session.userName.length +
        session.logId.length +
        session.companyFile.length +
        session.lastError.length)
  );
}

function stepBytes(step: {summary: string}): number {
  return RECORD_OVERHEAD_BYTES + 2 * step.summary.length;
}

function remainingTtl(expiresAt: number, now: number): number {
  return Math.max(1, expiresAt - now);
}

export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): MemorySessionStore {
  const now = options.now ?? Date.now;
  let restoring = false;
  const mirror = options.onWrite;
  // Keys are only built when someone mirrors the store: this sits on the SOAP hot path.
  const write = (kind: 'c' | 's' | 'a', id: string, value: StoredValue | undefined) => {
    if (mirror !== undefined && !restoring) mirror(`${kind}:${id}`, value);
  };
  const gone = (reason: LRUCache.DisposeReason) => reason === 'evict' || reason === 'expire';
  const perf = {now};
  const limits = storeLimits(options);
  const idleTtl = options.sessionIdleTtlMs ?? DEFAULT_SESSION_IDLE_TTL_MS;
  const bounds = logBounds(options.log);
  // The byte budget, shared out by what each collection holds at most.
  const budget = {
    credentials: Math.floor(limits.maxBytes * 0.1),
    pending: Math.floor(limits.maxBytes * 0.05),
    sessions: Math.floor(limits.maxBytes * 0.15),
    activity: Math.floor(limits.maxBytes * 0.7),
  };

  const ended = new LRUCache<string, true>({max: ENDED_TICKET_MEMORY});
  const activity = new LRUCache<string, Activity>({
    max: limits.maxCredentials + limits.maxPendingCredentials,
    dispose: (_value, userName, reason) => {
      if (reason !== 'set') write('a', userName, undefined);
    },
    maxSize: budget.activity,
    sizeCalculation: (value) => Math.max(1, value.bytes),
    ttlResolution: 0,
    perf,
  });
  // A credential that expires or is pushed out takes its log with it; moving one between the two
  // caches (reason "delete") keeps it.
  const dropActivity = (_value: CredentialRecord, userName: string, reason: LRUCache.DisposeReason) => {
    if (!gone(reason)) return;
    activity.delete(userName);
    write('c', userName, undefined);
  };
  const pending = new LRUCache<string, CredentialRecord>({
    max: limits.maxPendingCredentials,
    maxSize: budget.pending,
    sizeCalculation: credentialBytes,
    dispose: dropActivity,
    ttlResolution: 0,
    perf,
  });
  const active = new LRUCache<string, CredentialRecord>({
    max: limits.maxCredentials,
    maxSize: budget.credentials,
    sizeCalculation: credentialBytes,
    dispose: dropActivity,
    ttlResolution: 0,
    perf,
  });
  const sessions = new LRUCache<string, SessionRecord>({
    max: limits.maxSessions,
    maxSize: budget.sessions,
    sizeCalculation: sessionBytes,
    ttl: idleTtl,
    ttlResolution: 0,
    perf,
    dispose: (_value, ticket, reason) => {
      if (gone(reason)) ended.set(ticket, true);
      if (reason !== 'set') write('s', ticket, undefined);
    },
  });

  function credential(userName: string): CredentialRecord | undefined {
    return active.get(userName) ?? pending.get(userName);
  }

  function activityOf(userName: string): Activity | undefined {
    return activity.get(userName);
  }

  /** Re-inserted after every change so its size is counted again; lives as long as its credential. */
  function saveActivity(userName: string, value: Activity): void {
    // A log already stored keeps its lifetime (no credential lookup on the SOAP hot path).
    if (activity.has(userName)) {
      activity.set(userName, value, {noUpdateTTL: true});
      write('a', userName, value);
      return;
    }
    const owner = credential(userName);
    if (owner === undefined) return;
    activity.set(userName, value, {ttl: remainingTtl(owner.expiresAt, now())});
    write('a', userName, value);
  }

  function putCredential(record: CredentialRecord, at: number): void {
    (record.activatedAt ? active : pending).set(record.userName, record, {ttl: remainingTtl(record.expiresAt, at)});
    write('c', record.userName, record);
  }

  function putSession(session: SessionRecord, at: number): void {
    sessions.set(session.ticket, session, {ttl: Math.max(1, idleTtl - (at - session.lastSeenAt))});
    write('s', session.ticket, session);
  }

  function logTo(session: SessionRecord, change: LogStepChange): void {
    const log = activityOf(session.userName);
    const found = log?.entries.find((item) => item.logId === session.logId);
    if (log === undefined || found === undefined) return;
    const before = found.entry.steps.length >= bounds.stepsPerSession ? found.entry.steps[1] : undefined;
    appendStep(found.entry, {...change, step: {...change.step}}, bounds.stepsPerSession);
    log.bytes += stepBytes(change.step) - (before ? stepBytes(before) : 0);
    saveActivity(session.userName, log);
  }

  return {
    limits,
    async createCredential(record) {
      putCredential({...record, activatedAt: 0}, now());
    },
    async getCredential(userName) {
      const found = credential(userName);
      return found && {...found};
    },
    async recordFailedLogin(userName, attempt) {
      if (credential(userName) === undefined) return;
      const log = activityOf(userName) ?? {entries: [], failedLogins: [], bytes: RECORD_OVERHEAD_BYTES};
      if (log.failedLogins.length >= bounds.failedLoginsPerUser) log.bytes -= stepBytes(log.failedLogins.shift()!);
      log.failedLogins.push({...attempt});
      log.bytes += stepBytes(attempt);
      saveActivity(userName, log);
    },
    async startSession(session, first, activeUntil) {
      const at = now();
      const waiting = pending.get(session.userName);
      if (waiting !== undefined) {
        pending.delete(session.userName);
        putCredential({...waiting, activatedAt: at, expiresAt: activeUntil}, at);
        // Its log (refused sign-ins so far) now lives as long as the credential.
        const earlier = activity.get(session.userName);
        if (earlier !== undefined) activity.set(session.userName, earlier, {ttl: remainingTtl(activeUntil, at)});
      } else if (active.get(session.userName) === undefined) {
        // The credential expired between the sign-in and now: there is no one to start a session for.
        return;
      }
      putSession(copySession(session), at);
      const log = activityOf(session.userName) ?? {entries: [], failedLogins: [], bytes: RECORD_OVERHEAD_BYTES};
      if (log.entries.length >= bounds.sessionsPerUser) {
        const dropped = log.entries.shift()!;
        for (const step of dropped.entry.steps) log.bytes -= stepBytes(step);
      }
      const entry: SessionLogEntry = {
        startedAt: session.startedAt,
        lastMethod: first.step.method,
        status: 'in-progress',
        steps: [],
      };
      appendStep(entry, {...first, step: {...first.step}}, bounds.stepsPerSession);
      log.entries.push({logId: session.logId, entry});
      log.bytes += stepBytes(first.step);
      saveActivity(session.userName, log);
    },
    async getSession(ticket) {
      const found = sessions.get(ticket);
      if (found !== undefined) return {found: copySession(found)};
      return {missing: ended.has(ticket) ? 'expired' : 'unknown'};
    },
    async updateSession(next, change) {
      const current = sessions.get(next.ticket);
      if (current === undefined || current.version !== next.version - 1) return false;
      putSession(copySession(next), now());
      logTo(next, change);
      return true;
    },
    async appendLogStep(session, change) {
      logTo(session, change);
    },
    async endSession(last, change) {
      const current = sessions.get(last.ticket);
      if (current === undefined || current.version !== last.version) return false;
      sessions.delete(last.ticket);
      logTo(last, change);
      return true;
    },
    async activity(userName): Promise<CredentialActivity | undefined> {
      if (credential(userName) === undefined) return undefined;
      const log = activityOf(userName);
      return {
        sessions: log ? log.entries.map((item) => copyEntry(item.entry)) : [],
        failedLogins: log ? log.failedLogins.map((attempt) => ({...attempt})) : [],
      };
    },
    async counts() {
      pending.purgeStale();
      active.purgeStale();
      sessions.purgeStale();
      return {credentials: active.size, pendingCredentials: pending.size, sessions: sessions.size};
    },
    async close() {
      // Nothing to release.
    },
    restore(records) {
      const at = now();
      const logs: [string, ActivityRecord][] = [];
      restoring = true;
      try {
        for (const [key, value] of records) {
          const id = key.slice(2);
          if (key.startsWith('c:')) {
            const credential = value as CredentialRecord;
            if (credential.expiresAt > at) putCredential(credential, at);
          } else if (key.startsWith('s:')) {
            const session = value as SessionRecord;
            if (at - session.lastSeenAt < idleTtl) putSession(session, at);
          } else if (key.startsWith('a:')) {
            logs.push([id, value as ActivityRecord]);
          }
        }
        // Logs last: each lives as long as its credential, which must be back first.
        for (const [userName, log] of logs) saveActivity(userName, log);
      } finally {
        restoring = false;
      }
    },
  };
}
