import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {AddressInfo} from 'node:net';
import sirv from 'sirv';
import compression from 'compression';
import {createEndpoint, type Endpoint} from './handler';
import type {Relay} from './relay';
import {createNodeEndpointListener} from './node-adapter';

export interface ServerOptions {
  port: number;
  host: string;
  /** The production build to serve beside the endpoint; null serves the endpoint alone. */
  buildDir: string | null;
  endpoint?: Endpoint;
  productName?: string;
  /** POST /qbwc/relay for the connection check's own-service target (see relay.ts, node-relay.ts). */
  relay?: Relay;
}

export interface RunningServer {
  url: string;
  endpoint: Endpoint;
  close(): Promise<void>;
}

const ENDPOINT_PREFIX = '/qbwc';

/**
 * One Node process serves the built site and the SOAP test endpoint on the same origin, so the
 * connection flow and a real Web Connector share one set of issued credentials.
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const endpoint = options.endpoint ?? createEndpoint({productName: options.productName, relay: options.relay});
  const handleEndpoint = createNodeEndpointListener(endpoint);
  const handleSite = options.buildDir ? createSiteHandler(options.buildDir) : null;

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === ENDPOINT_PREFIX || url.startsWith(`${ENDPOINT_PREFIX}/`) || url.startsWith(`${ENDPOINT_PREFIX}?`)) {
      handleEndpoint(req, res);
    } else if (handleSite) {
      handleSite(req, res);
    } else {
      res.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
      res.end('Only the endpoint is served here: try /qbwc/support.');
    }
  });
  // Slow or stuck clients must not hold sockets forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const {port} = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        endpoint,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function createSiteHandler(buildDir: string) {
  if (!existsSync(join(buildDir, 'index.html'))) {
    throw new Error(`No production build in ${buildDir}: run "npm run build" first.`);
  }
  const notFoundPage = existsSync(join(buildDir, '404.html')) ? readFileSync(join(buildDir, '404.html')) : null;
  const compress = compression({threshold: 1024});
  const files = sirv(buildDir, {
    etag: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      // Docusaurus puts content hashes in asset file names, so those never change in place.
      if (pathname.startsWith('/assets/')) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'no-cache');
      }
    },
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    compress(req as never, res as never, () => {
      files(req, res, () => {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(notFoundPage ?? 'Not found');
      });
    });
  };
}
