/**
 * The session store in Redis, for several Node instances behind a load balancer (REDIS_URL).
 *
 * Every record is one key whose expiry is the record's lifetime; counts and eviction order live
 * in sorted sets scored by expiry or last use. Each change is one Lua script, so it is atomic:
 * a session step is compare-and-set on the session's version, and two instances can never both
 * accept it. Only password hashes are stored. Scripts name keys they derive from the prefix, so
 * this store is for a single Redis server (or a primary with replicas), not Redis Cluster.
 *
 * When Redis cannot be reached, every call fails at once with SessionStoreUnavailableError (no
 * queueing), the endpoint answers 503, and ioredis reconnects by itself in the background.
 */
import Redis from 'ioredis';
import {
  DEFAULT_SESSION_IDLE_TTL_MS,
  logBounds,
  SessionStoreUnavailableError,
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

/**
 * Every string is clipped before it is stored and every collection is counted, so the count limits
 * bound the bytes (maxBytes is not used); Redis' own maxmemory is the operator's second fence.
 */
export interface RedisSessionStoreOptions extends Omit<SessionStoreBoundsOptions, 'maxBytes'> {
  /** e.g. redis://127.0.0.1:6379 */
  url: string;
  /** Prepended to every key. Default "qbwc:". */
  keyPrefix?: string;
  /** Told when the connection fails (once per outage), e.g. to log it. */
  onUnavailable?: (error: unknown) => void;
}

// Shared Lua: drop a user's records (credential, log, log entries, failed sign-ins).
const DROP_USER = `
local function drop_user(prefix, user)
  local ids = redis.call('LRANGE', prefix .. 'log:' .. user, 0, -1)
  for _, id in ipairs(ids) do redis.call('DEL', prefix .. 'entry:' .. id) end
  redis.call('DEL', prefix .. 'cred:' .. user, prefix .. 'log:' .. user, prefix .. 'fail:' .. user)
end
local function append_step(entry_key, step_json, status, max_steps)
  local raw = redis.call('GET', entry_key)
  if not raw then return end
  local entry = cjson.decode(raw)
  local step = cjson.decode(step_json)
  if #entry.steps >= max_steps then table.remove(entry.steps, 2) end
  table.insert(entry.steps, step)
  entry.lastMethod = step.method
  if status ~= '' then entry.status = status end
  redis.call('SET', entry_key, cjson.encode(entry), 'KEEPTTL')
end
`;

// KEYS: cred, pending. ARGV: user, json, expiresAt, now, maxPending, prefix
const CREATE_CREDENTIAL = `${DROP_USER}
local now = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
while redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) do
  local oldest = redis.call('ZPOPMIN', KEYS[2])
  drop_user(ARGV[6], oldest[1])
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', math.max(1, tonumber(ARGV[3]) - now))
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return 1`;

// KEYS: session, sessions, cred, pending, active, log, entry
// ARGV: ticket, sessionJson, user, logId, entryJson, activeUntil, now, idleTtl, maxSessions, maxActive, sessionsPerUser, prefix
const START_SESSION = `${DROP_USER}
local now = tonumber(ARGV[7])
local raw = redis.call('GET', KEYS[3])
if not raw then return 0 end
local cred = cjson.decode(raw)
if tonumber(cred.activatedAt) == 0 then
  cred.activatedAt = now
  cred.expiresAt = tonumber(ARGV[6])
  redis.call('ZREM', KEYS[4], ARGV[3])
  redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
  while redis.call('ZCARD', KEYS[5]) >= tonumber(ARGV[10]) do
    local oldest = redis.call('ZPOPMIN', KEYS[5])
    drop_user(ARGV[12], oldest[1])
  end
  redis.call('ZADD', KEYS[5], cred.expiresAt, ARGV[3])
  redis.call('SET', KEYS[3], cjson.encode(cred), 'PX', math.max(1, cred.expiresAt - now))
end
local cred_ttl = math.max(1, tonumber(cred.expiresAt) - now)
local idle = tonumber(ARGV[8])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 2 * idle)
while redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[9]) do
  local oldest = redis.call('ZPOPMIN', KEYS[2])
  redis.call('DEL', ARGV[12] .. 'sess:' .. oldest[1])
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', 2 * idle)
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('RPUSH', KEYS[6], ARGV[4])
while redis.call('LLEN', KEYS[6]) > tonumber(ARGV[11]) do
  local gone = redis.call('LPOP', KEYS[6])
  redis.call('DEL', ARGV[12] .. 'entry:' .. gone)
end
redis.call('PEXPIRE', KEYS[6], cred_ttl)
redis.call('SET', KEYS[7], ARGV[5], 'PX', cred_ttl)
return 1`;

// KEYS: session, sessions, entry. ARGV: nextJson, expectedVersion, stepJson, status, now, idleTtl, maxSteps, ticket, end
const CHANGE_SESSION = `${DROP_USER}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local current = cjson.decode(raw)
local now = tonumber(ARGV[5])
local idle = tonumber(ARGV[6])
if tonumber(current.version) ~= tonumber(ARGV[2]) then return 0 end
if now - tonumber(current.lastSeenAt) >= idle then return 0 end
if ARGV[9] == '1' then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[8])
else
  redis.call('SET', KEYS[1], ARGV[1], 'PX', 2 * idle)
  redis.call('ZADD', KEYS[2], now, ARGV[8])
end
append_step(KEYS[3], ARGV[3], ARGV[4], tonumber(ARGV[7]))
return 1`;

// KEYS: entry. ARGV: stepJson, status, maxSteps
const APPEND_STEP = `${DROP_USER}
append_step(KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[3]))
return 1`;

// KEYS: cred, fail. ARGV: attemptJson, now, maxFailed
const FAILED_LOGIN = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local cred = cjson.decode(raw)
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
redis.call('PEXPIRE', KEYS[2], math.max(1, tonumber(cred.expiresAt) - tonumber(ARGV[2])))
return 1`;

interface ScriptedRedis extends Redis {
  qbwcCreateCredential(...args: (string | number)[]): Promise<number>;
  qbwcStartSession(...args: (string | number)[]): Promise<number>;
  qbwcChangeSession(...args: (string | number)[]): Promise<number>;
  qbwcAppendStep(...args: (string | number)[]): Promise<number>;
  qbwcFailedLogin(...args: (string | number)[]): Promise<number>;
}

export interface RedisSessionStore extends SessionStore {
  /** Resolves once connected (or after `timeoutMs`; calls fail with 503 until Redis is reachable). */
  ready(timeoutMs?: number): Promise<boolean>;
}

export function createRedisSessionStore(options: RedisSessionStoreOptions): RedisSessionStore {
  const now = options.now ?? Date.now;
  const prefix = options.keyPrefix ?? 'qbwc:';
  const limits = storeLimits(options);
  const idleTtl = options.sessionIdleTtlMs ?? DEFAULT_SESSION_IDLE_TTL_MS;
  const bounds = logBounds(options.log);
  const keys = {
    cred: (user: string) => `${prefix}cred:${user}`,
    session: (ticket: string) => `${prefix}sess:${ticket}`,
    log: (user: string) => `${prefix}log:${user}`,
    entry: (logId: string) => `${prefix}entry:${logId}`,
    fail: (user: string) => `${prefix}fail:${user}`,
    pending: `${prefix}pending`,
    active: `${prefix}active`,
    sessions: `${prefix}sessions`,
  };

  const redis = new Redis(options.url, {
    // Fail at once while disconnected instead of queueing: the caller answers 503 straight away.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
  }) as ScriptedRedis;
  let down = false;
  redis.on('error', (error: unknown) => {
    if (!down) options.onUnavailable?.(error);
    down = true;
  });
  redis.on('ready', () => {
    down = false;
  });
  redis.defineCommand('qbwcCreateCredential', {numberOfKeys: 2, lua: CREATE_CREDENTIAL});
  redis.defineCommand('qbwcStartSession', {numberOfKeys: 7, lua: START_SESSION});
  redis.defineCommand('qbwcChangeSession', {numberOfKeys: 3, lua: CHANGE_SESSION});
  redis.defineCommand('qbwcAppendStep', {numberOfKeys: 1, lua: APPEND_STEP});
  redis.defineCommand('qbwcFailedLogin', {numberOfKeys: 2, lua: FAILED_LOGIN});

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new SessionStoreUnavailableError(error);
    }
  }

  function parse<T>(raw: string | null): T | undefined {
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  function change(session: SessionRecord, expectedVersion: number, step: LogStepChange, end: boolean) {
    return redis.qbwcChangeSession(
      keys.session(session.ticket),
      keys.sessions,
      keys.entry(session.logId),
      end ? '' : JSON.stringify(session),
      expectedVersion,
      JSON.stringify(step.step),
      step.status ?? '',
      now(),
      idleTtl,
      bounds.stepsPerSession,
      session.ticket,
      end ? '1' : '0',
    );
  }

  return {
    limits,
    ready(timeoutMs = 5_000) {
      if (redis.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          redis.off('ready', onReady);
          resolve(false);
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        redis.once('ready', onReady);
      });
    },
    createCredential: (credential) =>
      guarded(async () => {
        await redis.qbwcCreateCredential(
          keys.cred(credential.userName),
          keys.pending,
          credential.userName,
          JSON.stringify(credential),
          credential.expiresAt,
          now(),
          limits.maxPendingCredentials,
          prefix,
        );
      }),
    getCredential: (userName) => guarded(async () => parse<CredentialRecord>(await redis.get(keys.cred(userName)))),
    recordFailedLogin: (userName, attempt: FailedLogin) =>
      guarded(async () => {
        await redis.qbwcFailedLogin(
          keys.cred(userName),
          keys.fail(userName),
          JSON.stringify(attempt),
          now(),
          bounds.failedLoginsPerUser,
        );
      }),
    startSession: (session, first, activeUntil) =>
      guarded(async () => {
        const entry: SessionLogEntry = {
          startedAt: session.startedAt,
          lastMethod: first.step.method,
          status: first.status ?? 'in-progress',
          steps: [first.step],
        };
        await redis.qbwcStartSession(
          keys.session(session.ticket),
          keys.sessions,
          keys.cred(session.userName),
          keys.pending,
          keys.active,
          keys.log(session.userName),
          keys.entry(session.logId),
          session.ticket,
          JSON.stringify(session),
          session.userName,
          session.logId,
          JSON.stringify(entry),
          activeUntil,
          now(),
          idleTtl,
          limits.maxSessions,
          limits.maxCredentials,
          bounds.sessionsPerUser,
          prefix,
        );
      }),
    getSession: (ticket) =>
      guarded(async () => {
        const session = parse<SessionRecord>(await redis.get(keys.session(ticket)));
        if (session === undefined) return {missing: 'unknown' as const};
        // The key outlives the idle time by as much again, so a late caller hears "expired".
        if (now() - session.lastSeenAt >= idleTtl) return {missing: 'expired' as const};
        return {found: session};
      }),
    updateSession: (next, step) => guarded(async () => (await change(next, next.version - 1, step, false)) === 1),
    appendLogStep: (session, step) =>
      guarded(async () => {
        await redis.qbwcAppendStep(
          keys.entry(session.logId),
          JSON.stringify(step.step),
          step.status ?? '',
          bounds.stepsPerSession,
        );
      }),
    endSession: (last, step) => guarded(async () => (await change(last, last.version, step, true)) === 1),
    activity: (userName) =>
      guarded(async (): Promise<CredentialActivity | undefined> => {
        const [credential, ids, failed] = await Promise.all([
          redis.exists(keys.cred(userName)),
          redis.lrange(keys.log(userName), 0, -1),
          redis.lrange(keys.fail(userName), 0, -1),
        ]);
        if (credential === 0) return undefined;
        const entries = ids.length ? await redis.mget(ids.map((id) => keys.entry(id))) : [];
        return {
          sessions: entries.flatMap((raw) => {
            const entry = parse<SessionLogEntry>(raw);
            // cjson writes an empty array as {}; a stored entry always has its first step.
            return entry ? [{...entry, steps: Array.isArray(entry.steps) ? entry.steps : []}] : [];
          }),
          failedLogins: failed.map((raw) => JSON.parse(raw) as FailedLogin),
        };
      }),
    counts: () =>
      guarded(async () => {
        const at = now();
        const results = await redis
          .multi()
          .zremrangebyscore(keys.pending, '-inf', at)
          .zremrangebyscore(keys.active, '-inf', at)
          .zremrangebyscore(keys.sessions, '-inf', at - idleTtl)
          .zcard(keys.active)
          .zcard(keys.pending)
          .zcard(keys.sessions)
          .exec();
        const count = (index: number) => Number(results?.[index]?.[1] ?? 0);
        return {credentials: count(3), pendingCredentials: count(4), sessions: count(5)};
      }),
    async close() {
      redis.disconnect();
    },
  };
}
