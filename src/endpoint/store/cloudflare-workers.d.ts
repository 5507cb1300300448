/**
 * The few workerd types the Worker entry uses (the full @cloudflare/workers-types would replace
 * this project's DOM and Node globals). At run time workerd provides the module.
 */
declare module 'cloudflare:workers' {
  export interface DurableObjectStorage {
    list<T>(): Promise<Map<string, T>>;
    put(key: string, value: unknown): Promise<void>;
    delete(key: string): Promise<boolean>;
  }
  export interface DurableObjectState {
    readonly storage: DurableObjectStorage;
    blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
  }
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
  }
}

interface DurableObjectId {
  toString(): string;
}

/** A namespace whose stubs expose the object's public methods as RPC calls. */
interface DurableObjectNamespace<T> {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): DurableObjectStubOf<T>;
}

type DurableObjectStubOf<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

interface WorkerAssets {
  fetch(request: Request): Promise<Response>;
}
