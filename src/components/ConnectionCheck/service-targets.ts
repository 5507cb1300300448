/**
 * Talking to the endpoint outside the SOAP session: issuing a test connection, asking whether a
 * server endpoint runs on this origin, and finding out why a fetch to someone's service failed.
 * Each function takes its fetch as an argument, so the same code drives the in-page endpoint, this
 * site's server and unit tests.
 */
import {isScenario, type Scenario, type TransportDiagnosis} from './check-state';
import {isLoopbackHost} from '../../qbwc/url-rules';

/** A fetch-shaped function: the window's fetch, or the in-page endpoint's. */
export type FetchLike = (request: Request) => Promise<Response>;

/** What POST /qbwc/connections answers: one test user, its password and its .qwc file. */
export interface IssuedConnection {
  userName: string;
  password: string;
  qwc: string;
  qwcFileName: string;
  /** ISO 8601. */
  expiresAt: string;
  scenario: Scenario;
}

export const ENDPOINT_PATH = '/qbwc';

/** The connection from the endpoint's JSON, or null when the body is not one; expiresAt becomes ISO text. */
export function readIssuedConnection(value: unknown): IssuedConnection | null {
  if (typeof value !== 'object' || value === null) return null;
  const {userName, password, qwc, qwcFileName, expiresAt, scenario} = value as Record<string, unknown>;
  if (
    typeof userName !== 'string' ||
    typeof password !== 'string' ||
    typeof qwc !== 'string' ||
    typeof qwcFileName !== 'string'
  ) {
    return null;
  }
  if (!isScenario(scenario)) return null;
  const expiry = typeof expiresAt === 'number' ? new Date(expiresAt) : typeof expiresAt === 'string' ? new Date(expiresAt) : null;
  if (!expiry || Number.isNaN(expiry.getTime())) return null;
  return {userName, password, qwc, qwcFileName, scenario, expiresAt: expiry.toISOString()};
}

/** Asks the endpoint at `origin` for a new test user; throws an Error whose message a person can read. */
export async function issueConnection(fetcher: FetchLike, origin: string, scenario: Scenario): Promise<IssuedConnection> {
  let response: Response;
  try {
    response = await fetcher(
      new Request(`${origin}${ENDPOINT_PATH}/connections`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({scenario}),
      }),
    );
  } catch {
    throw new Error('The test endpoint could not be reached to create a connection.');
  }
  if (response.status !== 201) {
    const text = await response.text().catch(() => '');
    throw new Error(
      `The test endpoint refused to create a connection (HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}).`,
    );
  }
  const connection = readIssuedConnection(await response.json().catch(() => null));
  if (!connection) throw new Error('The test endpoint answered with something other than a connection.');
  return connection;
}

/** True when GET /qbwc/health answers 2xx on this origin, meaning a server runs the endpoint here. */
export async function hasServerEndpoint(fetcher: FetchLike, origin: string, timeoutMs = 4000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(new Request(`${origin}${ENDPOINT_PATH}/health`, {signal: controller.signal}));
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export type ServiceUrlCheck = {ok: true; url: string} | {ok: false; message: string};

/** The custom target's URL as typed: it must be a complete http(s) address. */
export function checkServiceUrl(text: string): ServiceUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') return {ok: false, message: 'Enter the address of your service, for example https://example.com/qbwc.'};
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message: 'This is not a complete address: it must start with https:// (or http:// for a service on this computer).',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {ok: false, message: `Only https:// and http:// addresses can be checked, not ${url.protocol}//.`};
  }
  if (url.username || url.password) {
    return {ok: false, message: 'Leave the user name and password out of the address; use the fields below.'};
  }
  return {ok: true, url: url.href};
}

/**
 * A SOAP fetch failed without an answer. The browser hides why, so probe once more with a request
 * that needs no CORS permission: if that one gets through, the service is up and CORS blocked the
 * real call; if it fails too, the service cannot be reached at all.
 */
export async function diagnoseFetchFailure(
  serviceUrl: string,
  fetcher: (input: string, init: RequestInit) => Promise<Response>,
  pageProtocol: string,
  timeoutMs = 5000,
): Promise<TransportDiagnosis> {
  const url = new URL(serviceUrl);
  if (pageProtocol === 'https:' && url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'mixed-content';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await fetcher(serviceUrl, {method: 'GET', mode: 'no-cors', cache: 'no-store', signal: controller.signal});
    return 'cors';
  } catch {
    return 'network';
  } finally {
    clearTimeout(timer);
  }
}

/** Quotes a value for a POSIX shell: everything literal inside single quotes. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The same SOAP call as a curl command, to try the service without a browser in the way. */
export function buildCurlCommand(serviceUrl: string, envelope: {body: string; soapAction: string}): string {
  return [
    `curl -i -X POST ${shellQuote(serviceUrl)}`,
    `  -H ${shellQuote('Content-Type: text/xml; charset=utf-8')}`,
    `  -H ${shellQuote(`SOAPAction: ${envelope.soapAction}`)}`,
    `  --data-binary ${shellQuote(envelope.body)}`,
  ].join(' \\\n');
}
