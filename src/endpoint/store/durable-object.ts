/**
 * Sessions on Cloudflare's edge: one Durable Object holds the in-memory store, and every Worker
 * isolate reaches it through RPC. A Durable Object runs one call at a time, so each store call is
 * atomic as it is in one Node process, and RPC copies every record in and out, so no isolate holds
 * a live reference into the store. Every record written or dropped is mirrored into the object's
 * durable storage (the runtime commits those writes before the answer leaves), and read back when
 * the object starts again after being evicted while idle.
 */
import {DurableObject, type DurableObjectState} from 'cloudflare:workers';
import {SessionStoreUnavailableError, type SessionStore, storeLimits} from '../../qbwc/session-store';
import {createMemorySessionStore, type MemorySessionStore, type StoredValue} from './memory';

type StoreCalls = Omit<SessionStore, 'limits' | 'close'>;

/** The Durable Object class: bind it as SESSIONS (see worker.ts). */
export class SessionStoreObject extends DurableObject implements StoreCalls {
  readonly #store: MemorySessionStore;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    const storage = ctx.storage;
    this.#store = createMemorySessionStore({
      onWrite: (key, value) => void (value === undefined ? storage.delete(key) : storage.put(key, value)),
    });
    void ctx.blockConcurrencyWhile(async () => {
      this.#store.restore(await storage.list<StoredValue>());
    });
  }

  createCredential(...args: Parameters<StoreCalls['createCredential']>) {
    return this.#store.createCredential(...args);
  }
  getCredential(...args: Parameters<StoreCalls['getCredential']>) {
    return this.#store.getCredential(...args);
  }
  recordFailedLogin(...args: Parameters<StoreCalls['recordFailedLogin']>) {
    return this.#store.recordFailedLogin(...args);
  }
  startSession(...args: Parameters<StoreCalls['startSession']>) {
    return this.#store.startSession(...args);
  }
  getSession(...args: Parameters<StoreCalls['getSession']>) {
    return this.#store.getSession(...args);
  }
  updateSession(...args: Parameters<StoreCalls['updateSession']>) {
    return this.#store.updateSession(...args);
  }
  appendLogStep(...args: Parameters<StoreCalls['appendLogStep']>) {
    return this.#store.appendLogStep(...args);
  }
  endSession(...args: Parameters<StoreCalls['endSession']>) {
    return this.#store.endSession(...args);
  }
  activity(...args: Parameters<StoreCalls['activity']>) {
    return this.#store.activity(...args);
  }
  counts() {
    return this.#store.counts();
  }
}

/**
 * The port over SessionStoreObject; a failed RPC surfaces as "store unavailable" (503). A stub
 * belongs to the request that made it, so `stub()` is asked for a fresh one on every call.
 */
export function createDurableObjectStore(stub: () => DurableObjectStubOf<SessionStoreObject>): SessionStore {
  function forward<K extends keyof StoreCalls>(name: K) {
    return (async (...args: unknown[]) => {
      try {
        return await (stub()[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw new SessionStoreUnavailableError(error);
      }
    }) as unknown as StoreCalls[K];
  }
  return {
    // The object runs the memory store with its defaults.
    limits: storeLimits(),
    createCredential: forward('createCredential'),
    getCredential: forward('getCredential'),
    recordFailedLogin: forward('recordFailedLogin'),
    startSession: forward('startSession'),
    getSession: forward('getSession'),
    updateSession: forward('updateSession'),
    appendLogStep: forward('appendLogStep'),
    endSession: forward('endSession'),
    activity: forward('activity'),
    counts: forward('counts'),
    async close() {
      // Stubs need no closing.
    },
  };
}
