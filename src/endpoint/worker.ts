/**
 * The endpoint as a Cloudflare Worker: the same Web-standard handler, sessions in a Durable Object
 * (store/durable-object.ts), and the built site served as the Worker's static assets. Requests
 * under /qbwc reach the handler; everything else is an asset. Only Web-standard APIs are used here
 * and in everything this imports (scripts/edge-runtime.ts bundles it for workerd and checks).
 */
import {createEndpoint, type Endpoint} from './handler';
import {createDurableObjectStore, SessionStoreObject} from './store/durable-object';

export {SessionStoreObject};

export interface WorkerEnv {
  SESSIONS: DurableObjectNamespace<SessionStoreObject>;
  /** The built site (Workers static assets); absent when the Worker serves the endpoint alone. */
  ASSETS?: WorkerAssets;
  /** The origin to advertise in the WSDL and issued .qwc files (else the request's own). */
  PUBLIC_ORIGIN?: string;
  /** Comma-separated origins of other sites allowed to issue test connections from a browser. */
  CONNECTIONS_CORS_ORIGINS?: string;
  BRAND_PRODUCT_NAME?: string;
}

const ENDPOINT_PREFIX = '/qbwc';
// One endpoint per isolate; every isolate shares the one Durable Object that holds sessions.
let endpoint: Endpoint | undefined;

function endpointFor(env: WorkerEnv): Endpoint {
  endpoint ??= createEndpoint({
    serviceOptions: {store: createDurableObjectStore(() => env.SESSIONS.get(env.SESSIONS.idFromName('sessions')))},
    ...(env.PUBLIC_ORIGIN ? {publicOrigin: env.PUBLIC_ORIGIN} : {}),
    ...(env.BRAND_PRODUCT_NAME ? {productName: env.BRAND_PRODUCT_NAME} : {}),
    ...(env.CONNECTIONS_CORS_ORIGINS
      ? {connectionsCorsOrigins: env.CONNECTIONS_CORS_ORIGINS.split(',').map((origin) => origin.trim())}
      : {}),
  });
  return endpoint;
}

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    const {pathname} = new URL(request.url);
    if (pathname === ENDPOINT_PREFIX || pathname.startsWith(`${ENDPOINT_PREFIX}/`)) {
      return endpointFor(env).fetch(request, request.headers.get('cf-connecting-ip') ?? undefined);
    }
    if (env.ASSETS) return env.ASSETS.fetch(request);
    return new Response('Only the endpoint is served here: try /qbwc/support.', {
      status: 404,
      headers: {'content-type': 'text/plain; charset=utf-8'},
    });
  },
};
