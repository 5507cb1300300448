import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {AddressInfo} from 'node:net';
import type {Duplex} from 'node:stream';
import sirv from 'sirv';
import compression from 'compression';
import type {SessionStore} from '../qbwc/session-store';
import {endpointConfig, type EndpointSettings} from './config';
import {createEndpoint, type Endpoint} from './handler';
import type {Relay} from './relay';
import type {FeedbackSink} from './feedback';
import {inlineScriptHashes} from './inline-script-hashes';
import {createNodeEndpointListener, refuseOversized, tooLarge} from './node-adapter';
import {MIN_COMPRESSED_BYTES} from './node-precompress';
import {acceptableRange} from './range-header';
import {OPENER_POLICY_HEADER, securityHeaders} from './security-headers';
import {isIsolatedPage} from '../isolated-pages';

export interface ServerOptions {
  port: number;
  host: string;
  /** The production build to serve beside the endpoint; null serves the endpoint alone. */
  buildDir: string | null;
  endpoint?: Endpoint;
  /**
   * Branding, base path, public origin (advertised in the WSDL and issued .qwc files; https also
   * turns on HSTS), proxy trust, CORS origins and limits: see config.ts.
   */
  config?: EndpointSettings;
  /** Told about every unexpected error, once, without request data. Default: one line on stderr. */
  onInternalError?: (error: unknown) => void;
  /** Where sessions live when no endpoint is given (default: this process's memory). Closed with the server. */
  store?: SessionStore;
  /** POST /qbwc/relay for the connection check's own-service target (see relay.ts, node-relay.ts). */
  relay?: Relay;
  /** Where POST /qbwc/feedback keeps votes (FEEDBACK_FILE, see node-feedback.ts); without it votes are refused with 404. */
  feedback?: FeedbackSink;
}

export interface RunningServer {
  url: string;
  endpoint: Endpoint;
  close(): Promise<void>;
}

/**
 * One line about an unexpected error: its kind, the system's code for it if it has one (ENOENT),
 * and where it was thrown, never request data (nor the message, which may hold a path or a body).
 */
export function describeInternalError(error: unknown): string {
  if (!(error instanceof Error)) return 'Internal error (a non-Error value was thrown).';
  const frame = error.stack
    ?.split('\n')
    .slice(1)
    .find((line) => line.trim().startsWith('at '))
    ?.trim();
  const code = (error as NodeJS.ErrnoException).code;
  const systemCode = typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? ` ${code}` : '';
  return `Internal error: ${error.name}${systemCode}${frame ? ` ${frame}` : ''}.`;
}

function logInternalError(error: unknown): void {
  console.error(describeInternalError(error));
}

/**
 * One Node process serves the built site and the SOAP test endpoint on the same origin, so the
 * connection flow and a real Web Connector share one set of issued credentials.
 *
 * What it protects against on its own: malformed or hostile requests (no exception ends the
 * process: an unexpected one answers 500 and is logged once), oversized bodies (413, announced
 * ones before they are sent), slow clients (header and request timeouts), too many connections,
 * forged forwarded headers (ignored unless trustProxy), framing and content sniffing (headers).
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const config = endpointConfig(options.config);
  const {limits} = config;
  const onInternalError = options.onInternalError ?? logInternalError;
  const endpoint =
    options.endpoint ??
    createEndpoint({
      config,
      onInternalError,
      ...(options.store ? {serviceOptions: {store: options.store}} : {}),
      ...(options.relay ? {relay: options.relay} : {}),
      ...(options.feedback ? {feedback: options.feedback} : {}),
    });
  const headers = securityHeaders({
    inlineScriptHashes: options.buildDir ? inlineScriptHashes(options.buildDir) : [],
    ...(config.publicOrigin ? {publicOrigin: config.publicOrigin} : {}),
  });
  const handleEndpoint = createNodeEndpointListener(endpoint, {headers, onInternalError});
  const handleSite = options.buildDir ? createSiteHandler(options.buildDir, headers, onInternalError) : null;
  const prefix = endpoint.basePath;

  function dispatch(req: IncomingMessage, res: ServerResponse): void {
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    try {
      const url = req.url ?? '/';
      if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) {
        handleEndpoint(req, res);
      } else if (handleSite) {
        handleSite(req, res);
      } else {
        res.writeHead(404, {...headers, 'content-type': 'text/plain; charset=utf-8'});
        res.end(`Only the endpoint is served here: try ${prefix}/support.`);
      }
    } catch (error) {
      onInternalError(error);
      answerInternalError(res);
    }
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: 5_000,
      // Node checks the two timeouts above on this interval (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    dispatch,
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', answerClientError);
  // A client that announces its body (Expect: 100-continue) hears 413 before sending too much.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) {
      res.on('error', () => undefined);
      refuseOversized(req, res, tooLarge(limits.maxBodyBytes));
      return;
    }
    res.writeContinue();
    dispatch(req, res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.removeListener('error', reject);
      server.on('error', onInternalError);
      const {port} = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        endpoint,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => void (options.store?.close() ?? Promise.resolve()).then(() => done()));
          }),
      });
    });
  });
}

const CLIENT_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive.'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request headers are too large.'],
};

/** A request Node could not even parse: a short plain answer, then the connection is closed. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, text] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', 'The request is not valid HTTP.'];
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function answerInternalError(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, {'content-type': 'text/plain; charset=utf-8', connection: 'close'});
  res.end('Internal error.');
}

/** The decoded path of a request's target, without its query; '' when it is not a valid one. */
function requestPath(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://site.invalid').pathname);
  } catch {
    return '';
  }
}

function createSiteHandler(
  buildDir: string,
  headers: Readonly<Record<string, string>>,
  onInternalError: (error: unknown) => void,
) {
  if (!existsSync(join(buildDir, 'index.html'))) {
    throw new Error(`No production build in ${buildDir}: run "npm run build" first.`);
  }
  const notFoundPage = existsSync(join(buildDir, '404.html')) ? readFileSync(join(buildDir, '404.html')) : null;
  // Files `npm run build` precompressed (node-precompress.ts) are sent as stored; the rest is compressed here.
  const compress = compression({threshold: MIN_COMPRESSED_BYTES});
  const files = sirv(buildDir, {
    etag: true,
    brotli: true,
    gzip: true,
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
  // The opener policy goes only with the pages that take a password or a log (src/isolated-pages.ts).
  const readingHeaders = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== OPENER_POLICY_HEADER));
  return (req: IncomingMessage, res: ServerResponse) => {
    const pageHeaders = isIsolatedPage(requestPath(req.url)) ? headers : readingHeaders;
    for (const name in pageHeaders) res.setHeader(name, pageHeaders[name]!);
    // sirv lists the build's files when the server starts and streams one after sending its headers.
    // A file gone since (a build or deploy replacing the folder under a running server) fails that
    // stream: the answer is cut off, so the browser sees a failed request at once instead of waiting
    // for a body that never comes, and the failure is logged once.
    res.on('pipe', (source) => {
      source.once('error', (error) => {
        onInternalError(error);
        res.destroy();
      });
    });
    // sirv trusts the Range header's numbers; hand it only a single, ordered, representable range.
    const range = acceptableRange(req.headers.range);
    if (range === undefined) delete req.headers.range;
    else req.headers.range = range;
    compress(req as never, res as never, () => {
      files(req, res, () => {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(notFoundPage ?? 'Not found');
      });
    });
  };
}
