/**
 * The SOAP test endpoint as one Web-standard handler: plain request in, plain response out, so
 * the same code answers real HTTP on Node, runs inside the browser on a static host, and runs
 * in a Cloudflare Worker (worker.ts). `handle` answers a plain request (it waits only on the
 * session store); `fetch` wraps it for WHATWG Request/Response.
 *
 * Routes under basePath (default /qbwc):
 *   POST   /qbwc                 SOAP 1.1 (the Web Connector's calls)
 *   GET    /qbwc?wsdl            WSDL 1.1
 *   GET    /qbwc, /qbwc/support  HTML support page (the .qwc's AppSupport)
 *   POST   /qbwc/connections     issue test credentials and a .qwc
 *   GET    /qbwc/sessions?user=  a user's recent sessions (no passwords, no tickets)
 *   GET    /qbwc/health          counts and limits
 *   GET    /qbwc/feedback        whether page feedback is recorded here (404 when it is not)
 *   POST   /qbwc/feedback        record one "Was this page helpful?" answer (see feedback.ts)
 *   OPTIONS anything             CORS preflight
 * Paths outside basePath get 404: the Node server only routes /qbwc* here.
 */
import {DEFAULT_BASE_PATH, DEFAULT_LIMITS, endpointConfig, type EndpointSettings} from './config';
import {readStreamWithin} from './read-within';
import {buildFault, buildResponse, parseRequest, SOAP_CONTENT_TYPE, SoapCodecError, type SoapFaultCode} from '../qbwc/soap';
import {
  createTestService,
  isTestScenario,
  QbwcServiceError,
  SessionStoreUnavailableError,
  TEST_SCENARIOS,
  type TestScenario,
  type TestService,
  type SessionSummary,
  type TestServiceOptions,
} from '../qbwc/service';
import {createIssueLimit, type IssueLimit} from './issue-limit';
import {withLoopbackAsLocalhost} from '../qbwc/url-rules';
import {createMemorySessionStore} from './store/memory';
import {renderSupportPage} from './support-page';
import {buildWsdl} from './wsdl';
import type {Relay} from './relay';
import {
  FEEDBACK_MAX_BODY_BYTES,
  FEEDBACK_OFF_BODY,
  FEEDBACK_VOTES_PER_MINUTE,
  parseFeedback,
  type FeedbackSink,
} from './feedback';

export interface EndpointRequest {
  method: string;
  /** Path and query, e.g. '/qbwc?wsdl'; absolute URLs are accepted too. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
  /** The caller's address as the server sees it (for per-client limits); absent in the browser. */
  clientAddress?: string;
}

export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Endpoint {
  handle(req: EndpointRequest): Promise<EndpointResponse>;
  /** clientAddress: the caller's address where the runtime knows it (a Worker's CF-Connecting-IP). */
  fetch(req: Request, clientAddress?: string): Promise<Response>;
  service: TestService;
  maxBodyBytes: number;
  basePath: string;
}

export interface EndpointOptions {
  /**
   * Branding, base path, public origin, proxy trust, CORS origins and limits: an EndpointConfig
   * (from endpointConfigFromEnv) or just the settings that differ from the defaults.
   */
  config?: EndpointSettings;
  service?: TestService;
  /** Used when no service is given (the store defaults to one in this process's memory). */
  serviceOptions?: Partial<TestServiceOptions>;
  /** Test credentials one client address may be issued per minute. Default 30. */
  issueRatePerMinute?: number;
  /** Told about unexpected exceptions (never about request bodies), e.g. to log them. */
  onInternalError?: (error: unknown) => void;
  /** Serves POST /qbwc/relay, which calls a person's own service for the connection check (see relay.ts). */
  relay?: Relay;
  /** Where POST /qbwc/feedback keeps votes; without it the feedback address answers 404 (not recorded). */
  feedback?: FeedbackSink;
  /** now() for the feedback's timestamps and rate limit (tests). Default Date.now. */
  now?: () => number;
}

export {DEFAULT_BASE_PATH};
export const DEFAULT_MAX_BODY_BYTES = DEFAULT_LIMITS.maxBodyBytes;

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';
const CORS_MAX_AGE = '86400';

// Every answer carries Access-Control-Allow-Origin so the browser check can read it; the other
// CORS headers only matter on a preflight. SOAP answers share one frozen header set: they are the
// hot path, and a real Web Connector session makes six of them.
const SOAP_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': SOAP_CONTENT_TYPE,
  'cache-control': 'no-store',
  'access-control-allow-origin': '*',
});

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, soapaction',
  'access-control-max-age': CORS_MAX_AGE,
});

// A successful SOAP answer is the hot path. A real Web Connector sends no Origin header and needs
// only the content type; a browser (the connection check) also needs Allow-Origin to read it.
const SOAP_ANSWER_HEADERS = Object.freeze({'content-type': SOAP_CONTENT_TYPE}) as Record<string, string>;
const SOAP_ANSWER_HEADERS_CORS = Object.freeze({
  'content-type': SOAP_CONTENT_TYPE,
  'access-control-allow-origin': '*',
}) as Record<string, string>;

function soapHeaders(): Record<string, string> {
  return SOAP_HEADERS as Record<string, string>;
}

function headersFor(contentType: string, extra?: Record<string, string>): Record<string, string> {
  return {...SOAP_HEADERS, 'content-type': contentType, 'x-content-type-options': 'nosniff', ...extra};
}

function soapFault(status: number, code: SoapFaultCode, message: string): EndpointResponse {
  return {status, headers: soapHeaders(), body: buildFault(code, message)};
}

function json(status: number, value: unknown, extra?: Record<string, string>): EndpointResponse {
  return {status, headers: headersFor(JSON_CONTENT_TYPE, extra), body: JSON.stringify(value)};
}

function jsonError(status: number, error: string, extra?: Record<string, string>): EndpointResponse {
  return json(status, {error}, extra);
}

function methodNotAllowed(allow: string): EndpointResponse {
  return jsonError(405, `This address accepts ${allow.replace(/, OPTIONS$/, '')} only.`, {allow});
}

/** UTF-8 length without encoding: bytes >= UTF-16 units, and each unit is at most 3 bytes. */
function exceedsBytes(body: string, limit: number): boolean {
  if (body.length > limit) return true;
  if (body.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    // A surrogate pair is 4 bytes in all: 2 per half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes > limit;
}

function isSoapContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value.startsWith('text/xml')) return true;
  const type = value.trim().toLowerCase();
  return type.startsWith('text/xml') || type.startsWith('application/soap+xml');
}

function splitUrl(url: string): {path: string; query: string} {
  let start = 0;
  if (url.charCodeAt(0) !== 47 /* / */) {
    const scheme = url.indexOf('://');
    if (scheme !== -1) {
      const slash = url.indexOf('/', scheme + 3);
      start = slash === -1 ? url.length : slash;
    }
  }
  const q = url.indexOf('?', start);
  let path = q === -1 ? url.slice(start) : url.slice(start, q);
  const hash = path.indexOf('#');
  if (hash !== -1) path = path.slice(0, hash);
  if (path === '') path = '/';
  // Tolerate one trailing slash: "/qbwc/" is a common AppURL typo.
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return {path, query: q === -1 ? '' : url.slice(q + 1)};
}

/** The last of a comma-separated header's values: the one the nearest proxy appended. */
function lastHeaderValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.slice(value.lastIndexOf(',') + 1).trim() || undefined;
}

function hostOf(origin: string): string | undefined {
  const start = origin.indexOf('://');
  return start === -1 ? undefined : origin.slice(start + 3).toLowerCase();
}

const HOST_PATTERN = /^(?:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,20}|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?$/;

function safeContentTypeLabel(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return 'none';
  const type = value.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9.+-]{1,40}\/[a-z0-9.+-]{1,60}$/.test(type) ? type : 'an unrecognised value';
}

interface RequestBody {
  scenario?: unknown;
}

export function createEndpoint(options: EndpointOptions = {}): Endpoint {
  const config = endpointConfig(options.config);
  const {basePath, publicOrigin, trustProxy} = config;
  const maxBodyBytes = Math.max(1024, config.limits.maxBodyBytes);
  const {productName, appName, supportUrl: helpUrl} = config.branding;
  const onInternalError = options.onInternalError;
  const service =
    options.service ??
    createTestService({
      serverVersion: `${productName} QBWC test endpoint 1.0.0`,
      ...(publicOrigin ? {interactiveUrl: `${publicOrigin}${basePath}/support`} : {}),
      ...options.serviceOptions,
      store:
        options.serviceOptions?.store ??
        createMemorySessionStore({
          ...(options.serviceOptions?.now ? {now: options.serviceOptions.now} : {}),
          ...(options.serviceOptions?.ticketTtlMs ? {sessionIdleTtlMs: options.serviceOptions.ticketTtlMs} : {}),
        }),
    });
  const issueLimit: IssueLimit = createIssueLimit({
    ...(options.issueRatePerMinute !== undefined ? {perMinute: options.issueRatePerMinute} : {}),
    ...(options.serviceOptions?.now ? {now: options.serviceOptions.now} : {}),
  });
  const now = options.now ?? options.serviceOptions?.now ?? Date.now;
  const feedbackLimit: IssueLimit = createIssueLimit({perMinute: FEEDBACK_VOTES_PER_MINUTE, now});
  const connectionsCorsOrigins = new Set(config.connectionsCorsOrigins);
  const wsdlCache = new Map<string, string>();

  /**
   * The Web Connector refuses a .qwc whose host is an IP address (QBWC1001/1002) but accepts
   * http://localhost, so a page opened at 127.0.0.1 still gets a file the Web Connector loads.
   */
  function loopbackAsLocalhost(origin: string): string {
    return withLoopbackAsLocalhost(new URL(origin)).origin;
  }

  function originOf(req: EndpointRequest): string {
    if (publicOrigin) return publicOrigin;
    const forwardedProto = trustProxy ? lastHeaderValue(req.headers['x-forwarded-proto'])?.toLowerCase() : undefined;
    const forwardedHost = trustProxy ? lastHeaderValue(req.headers['x-forwarded-host']) : undefined;
    let proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : undefined;
    let host = forwardedHost ?? req.headers.host;
    if (/^https?:\/\//i.test(req.url)) {
      try {
        const url = new URL(req.url);
        proto ??= url.protocol.slice(0, -1);
        host ??= url.host;
      } catch {
        // Fall through to the defaults below.
      }
    }
    if (host === undefined || !HOST_PATTERN.test(host)) host = 'localhost';
    return `${proto ?? 'http'}://${host.toLowerCase()}`;
  }

  function internalError(error: unknown): EndpointResponse {
    onInternalError?.(error);
    return soapFault(
      500,
      'soap:Server',
      'The test service failed while answering this call. Try again; if it keeps failing, report it.',
    );
  }

  function storeUnavailable(): EndpointResponse {
    return {
      ...soapFault(503, 'soap:Server', 'The session store is unavailable (session store unavailable). Try again in a minute.'),
      headers: {...soapHeaders(), 'retry-after': '30'},
    };
  }

  async function handleSoap(req: EndpointRequest): Promise<EndpointResponse> {
    const contentType = req.headers['content-type'];
    if (!isSoapContentType(contentType)) {
      return soapFault(
        415,
        'soap:Client',
        `SOAP requests must be sent with Content-Type text/xml (or application/soap+xml); this one had ${safeContentTypeLabel(contentType)}.`,
      );
    }
    if (exceedsBytes(req.body, maxBodyBytes)) {
      return soapFault(413, 'soap:Client', `The request is larger than ${maxBodyBytes} bytes.`);
    }
    let request;
    try {
      request = parseRequest(req.body, {soapAction: req.headers.soapaction});
    } catch (error) {
      if (error instanceof SoapCodecError) return soapFault(500, error.faultCode, error.message);
      return internalError(error);
    }
    try {
      const result = await service.call(request.method, request.params);
      return {
        status: 200,
        headers: req.headers.origin === undefined ? SOAP_ANSWER_HEADERS : SOAP_ANSWER_HEADERS_CORS,
        body: buildResponse(request.method, result),
      };
    } catch (error) {
      if (error instanceof QbwcServiceError) return soapFault(500, 'soap:Client', error.message);
      if (error instanceof SessionStoreUnavailableError) return storeUnavailable();
      return internalError(error);
    }
  }

  function readScenario(req: EndpointRequest): TestScenario | EndpointResponse {
    if (req.body.trim() === '') return 'healthy';
    if (exceedsBytes(req.body, 4096)) return jsonError(413, 'The request body is too large; send at most {"scenario": "…"}.');
    let body: RequestBody;
    try {
      body = JSON.parse(req.body) as RequestBody;
    } catch {
      return jsonError(400, 'The body must be JSON, for example {"scenario": "healthy"}.');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return jsonError(400, 'The body must be a JSON object, for example {"scenario": "healthy"}.');
    }
    if (body.scenario === undefined) return 'healthy';
    if (!isTestScenario(body.scenario)) {
      return jsonError(400, `Unknown scenario. Use one of: ${TEST_SCENARIOS.join(', ')}.`);
    }
    return body.scenario;
  }

  /**
   * Browsers send Origin on cross-site POSTs, even ones they send without asking first: only this
   * site and the origins configured for it may have credentials issued, so no other page can make
   * its visitors use up issuing.
   */
  function connectionsOriginAllowed(req: EndpointRequest): boolean {
    const from = req.headers.origin;
    if (from === undefined || connectionsCorsOrigins.has(from)) return true;
    // Same host is this site, whatever the scheme: behind a TLS proxy the server may see plain http.
    return hostOf(from) === hostOf(originOf(req));
  }

  /** /connections is the one address that is not open to every origin: CORS only for the configured ones. */
  function withConnectionsCors(req: EndpointRequest, response: EndpointResponse): EndpointResponse {
    const {'access-control-allow-origin': _open, ...headers} = response.headers;
    const from = req.headers.origin;
    if (from !== undefined && connectionsCorsOrigins.has(from)) {
      headers['access-control-allow-origin'] = from;
      headers.vary = 'Origin';
    } else if (req.method.toUpperCase() === 'OPTIONS') {
      for (const name of Object.keys(PREFLIGHT_HEADERS)) delete headers[name];
    }
    return {...response, headers};
  }

  async function handleConnections(req: EndpointRequest): Promise<EndpointResponse> {
    if (!connectionsOriginAllowed(req)) {
      return jsonError(403, 'Test connections can only be requested from this site.');
    }
    const scenario = readScenario(req);
    if (typeof scenario !== 'string') return scenario;
    const wait = issueLimit.take(req.clientAddress);
    if (wait > 0) {
      return jsonError(429, 'Too many test connections were requested from your address; try again shortly.', {
        'retry-after': String(wait),
      });
    }
    const origin = loopbackAsLocalhost(originOf(req));
    try {
      const issued = await service.issueConnection({
        scenario,
        appName: scenario === 'healthy' ? `${appName} test` : `${appName} test (${scenario})`,
        endpointUrl: `${origin}${basePath}`,
        supportUrl: `${origin}${basePath}/support`,
      });
      return json(201, {
        userName: issued.userName,
        password: issued.password,
        qwc: issued.qwc,
        qwcFileName: issued.qwcFileName,
        expiresAt: new Date(issued.expiresAt).toISOString(),
        scenario: issued.scenario,
      });
    } catch (error) {
      if (error instanceof QbwcServiceError) return jsonError(400, error.message);
      if (error instanceof SessionStoreUnavailableError) {
        return jsonError(503, 'The session store is unavailable; try again in a minute.', {'retry-after': '30'});
      }
      onInternalError?.(error);
      return jsonError(500, 'The test service could not issue a connection.');
    }
  }

  /**
   * One page-feedback vote. Like /connections, only this site's pages may send one (browsers add
   * Origin to every cross-site POST), so another site cannot fill the file with its visitors' votes.
   */
  async function handleFeedback(req: EndpointRequest): Promise<EndpointResponse> {
    const sink = options.feedback;
    if (!sink) return json(404, FEEDBACK_OFF_BODY);
    const from = req.headers.origin;
    if (from !== undefined && hostOf(from) !== hostOf(originOf(req))) {
      return jsonError(403, 'Page feedback can only be sent from this site.');
    }
    if (exceedsBytes(req.body, FEEDBACK_MAX_BODY_BYTES)) {
      return jsonError(413, `The feedback is larger than ${FEEDBACK_MAX_BODY_BYTES} bytes; send only {"page", "answer"}.`);
    }
    if (safeContentTypeLabel(req.headers['content-type']) !== 'application/json') {
      return jsonError(
        400,
        `Send the feedback as application/json; this request had ${safeContentTypeLabel(req.headers['content-type'])}.`,
      );
    }
    const parsed = parseFeedback(req.body);
    if (!parsed.ok) return jsonError(400, parsed.error);
    const wait = feedbackLimit.take(req.clientAddress);
    if (wait > 0) {
      return jsonError(429, 'Too many answers were sent from your address; try again shortly.', {'retry-after': String(wait)});
    }
    try {
      await sink({at: new Date(now()).toISOString(), ...parsed.vote});
    } catch (error) {
      onInternalError?.(error);
      return jsonError(503, 'The answer could not be recorded right now.', {'retry-after': '60'});
    }
    return json(202, {feedback: 'recorded'});
  }

  /**
   * A visitor sees the last session only of the user they name (a user name is as hard to guess
   * as a password); without ?user= the page shows no one's sessions.
   */
  async function supportPage(req: EndpointRequest, query: string): Promise<EndpointResponse> {
    const origin = originOf(req);
    const user = query ? (new URLSearchParams(query).get('user') ?? undefined) : undefined;
    let lastSession: SessionSummary | undefined;
    if (user !== undefined) {
      const log = (await service.activity(user))?.sessions;
      const last = log?.[log.length - 1];
      lastSession = last && {startedAt: last.startedAt, lastMethod: last.lastMethod, status: last.status};
    }
    const body = renderSupportPage({
      productName,
      helpUrl,
      endpointUrl: `${origin}${basePath}`,
      wsdlUrl: `${origin}${basePath}?wsdl`,
      healthUrl: `${origin}${basePath}/health`,
      ...(lastSession ? {lastSession} : {}),
      ...(user !== undefined ? {userName: user} : {}),
    });
    return {status: 200, headers: headersFor(HTML_CONTENT_TYPE, {'cache-control': 'no-cache'}), body};
  }

  function wsdl(req: EndpointRequest): EndpointResponse {
    const address = `${originOf(req)}${basePath}`;
    let text = wsdlCache.get(address);
    if (text === undefined) {
      text = buildWsdl(address, productName);
      if (wsdlCache.size >= 32) wsdlCache.clear();
      wsdlCache.set(address, text);
    }
    return {status: 200, headers: headersFor(SOAP_CONTENT_TYPE, {'cache-control': 'no-cache'}), body: text};
  }

  async function sessions(query: string): Promise<EndpointResponse> {
    const user = new URLSearchParams(query).get('user');
    if (!user) return jsonError(400, "Add ?user=<user name> to see that user's sessions.");
    const activity = await service.activity(user);
    if (activity === undefined) return jsonError(404, 'No test connection with that user name exists (or it has expired).');
    return json(200, {
      user,
      failedLogins: activity.failedLogins.map((attempt) => ({at: new Date(attempt.at).toISOString(), summary: attempt.summary})),
      sessions: activity.sessions.map((entry) => ({
        startedAt: new Date(entry.startedAt).toISOString(),
        lastMethod: entry.lastMethod,
        status: entry.status,
        steps: entry.steps.map((step) => ({at: new Date(step.at).toISOString(), method: step.method, summary: step.summary})),
      })),
    });
  }

  async function health(): Promise<EndpointResponse> {
    const stats = await service.stats();
    return json(200, {status: 'ok', product: productName, ...stats}, {'cache-control': 'no-store'});
  }

  function isWsdlQuery(query: string): boolean {
    if (query === '') return false;
    for (const key of new URLSearchParams(query).keys()) if (key.toLowerCase() === 'wsdl') return true;
    return false;
  }

  function route(req: EndpointRequest): EndpointResponse | Promise<EndpointResponse> {
    const method = req.method.toUpperCase();
    const {path, query} = splitUrl(req.url);
    if (path !== basePath && !path.startsWith(`${basePath}/`)) {
      return jsonError(404, `Nothing is served here by the test endpoint; it lives under ${basePath}.`);
    }
    if (method === 'OPTIONS') {
      const preflight: EndpointResponse = {
        status: 204,
        headers: headersFor('text/plain; charset=utf-8', {...PREFLIGHT_HEADERS, allow: 'GET, POST, OPTIONS'}),
        body: '',
      };
      return path === `${basePath}/connections` ? withConnectionsCors(req, preflight) : preflight;
    }
    const read = method === 'GET' || method === 'HEAD';
    const sub = path.slice(basePath.length);
    switch (sub) {
      case '':
        if (method === 'POST') return handleSoap(req);
        if (read) return isWsdlQuery(query) ? wsdl(req) : supportPage(req, '');
        return methodNotAllowed('GET, POST, OPTIONS');
      case '/support':
        return read ? supportPage(req, query) : methodNotAllowed('GET, OPTIONS');
      case '/connections':
        return method === 'POST'
          ? handleConnections(req).then((response) => withConnectionsCors(req, response))
          : methodNotAllowed('POST, OPTIONS');
      case '/sessions':
        return read ? sessions(query) : methodNotAllowed('GET, OPTIONS');
      case '/health':
        return read ? health() : methodNotAllowed('GET, OPTIONS');
      case '/feedback':
        if (method === 'POST') return handleFeedback(req);
        if (read) return options.feedback ? json(200, {feedback: 'recorded'}) : json(404, FEEDBACK_OFF_BODY);
        return methodNotAllowed('GET, POST, OPTIONS');
      default:
        return jsonError(404, `No such address. The SOAP endpoint is POST ${basePath}; see ${basePath}/support.`);
    }
  }

  /** Behind a trusted proxy the caller is the last X-Forwarded-For value, not the proxy's socket. */
  function withCallerAddress(req: EndpointRequest): EndpointRequest {
    if (!trustProxy) return req;
    const forwarded = lastHeaderValue(req.headers['x-forwarded-for']);
    return forwarded ? {...req, clientAddress: forwarded} : req;
  }

  async function handle(incoming: EndpointRequest): Promise<EndpointResponse> {
    const req = withCallerAddress(incoming);
    if (options.relay && splitUrl(req.url).path === `${basePath}/relay`) return options.relay.handle(req);
    let response: EndpointResponse;
    try {
      response = await route(req);
    } catch (error) {
      if (error instanceof SessionStoreUnavailableError) return storeUnavailable();
      onInternalError?.(error);
      response = jsonError(500, 'The test endpoint failed while answering.');
    }
    if (req.method.toUpperCase() === 'HEAD') response.body = '';
    return response;
  }

  async function fetchHandler(request: Request, clientAddress?: string): Promise<Response> {
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const body = hasBody ? await readBodyWithin(request, maxBodyBytes) : '';
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const response =
      body === null
        ? soapFault(413, 'soap:Client', `The request is larger than ${maxBodyBytes} bytes.`)
        : await handle({
            method: request.method,
            url: request.url,
            headers,
            body,
            ...(clientAddress ? {clientAddress} : {}),
          });
    const nullBody = response.status === 204 || response.status === 304 || request.method === 'HEAD';
    return new Response(nullBody ? null : response.body, {status: response.status, headers: response.headers});
  }

  return {handle, fetch: fetchHandler, service, maxBodyBytes, basePath};
}

/**
 * Reads a Web-standard request body as UTF-8 text, or returns null as soon as it passes `limit`
 * bytes (declared or received): reading stops there and the rest is never buffered.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  return readStreamWithin(request.body, limit);
}
