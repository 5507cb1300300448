/**
 * The endpoint as a Cloudflare Worker: the same Web-standard handler, sessions in a Durable Object
 * (store/durable-object.ts), and the built site served as the Worker's static assets. Requests
 * under the endpoint's base path (/qbwc) reach the handler; everything else is an asset. Only Web-standard APIs are used here
 * and in everything this imports (scripts/edge-runtime.ts bundles it for workerd and checks).
 */
import {endpointConfigFromEnv} from './config';
import {createEndpoint, type Endpoint} from './handler';
import {createDurableObjectStore, SessionStoreObject} from './store/durable-object';

export {SessionStoreObject};

export interface WorkerEnv {
  SESSIONS: DurableObjectNamespace<SessionStoreObject>;
  /** The built site (Workers static assets); absent when the Worker serves the endpoint alone. */
  ASSETS?: WorkerAssets;
  /**
   * The same settings as `npm run serve` reads from its environment (PUBLIC_ORIGIN, BRAND_*,
   * CONNECTIONS_CORS_ORIGINS, TRUST_PROXY, MAX_BODY_BYTES), as the Worker's text variables.
   */
  [setting: string]: unknown;
}

/** The Worker's text variables, the shape endpointConfigFromEnv reads. */
function textBindings(env: WorkerEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

// One endpoint per isolate; every isolate shares the one Durable Object that holds sessions.
let endpoint: Endpoint | undefined;

function endpointFor(env: WorkerEnv): Endpoint {
  endpoint ??= createEndpoint({
    config: endpointConfigFromEnv(textBindings(env)),
    serviceOptions: {store: createDurableObjectStore(() => env.SESSIONS.get(env.SESSIONS.idFromName('sessions')))},
  });
  return endpoint;
}

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    const {pathname} = new URL(request.url);
    const endpoint = endpointFor(env);
    if (pathname === endpoint.basePath || pathname.startsWith(`${endpoint.basePath}/`)) {
      return endpoint.fetch(request, request.headers.get('cf-connecting-ip') ?? undefined);
    }
    if (env.ASSETS) return env.ASSETS.fetch(request);
    return new Response(`Only the endpoint is served here: try ${endpoint.basePath}/support.`, {
      status: 404,
      headers: {'content-type': 'text/plain; charset=utf-8'},
    });
  },
};
