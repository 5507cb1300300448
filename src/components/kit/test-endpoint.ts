/**
 * The bundled test endpoint as the widgets reach it: on this site's server (`npm run serve`) or
 * inside the page (static hosts). Each function takes its fetch as an argument, so the same code
 * drives the in-page endpoint, the server and unit tests.
 */
import type {Transport} from '../../qbwc/client';
import {isTestScenario, type TestScenario} from '../../qbwc/session-store';
import {windowFetch, type FetchLike} from './fetch-like';
import {SOAP_CONTENT_TYPE} from '../../qbwc/soap/methods';

export type {FetchLike};

/** What POST <endpoint>/connections answers: one test user, its password and its .qwc file. */
export interface IssuedConnection {
  userName: string;
  password: string;
  qwc: string;
  qwcFileName: string;
  /** ISO 8601. */
  expiresAt: string;
  scenario: TestScenario;
}

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
  if (!isTestScenario(scenario)) return null;
  const expiry = typeof expiresAt === 'number' ? new Date(expiresAt) : typeof expiresAt === 'string' ? new Date(expiresAt) : null;
  if (!expiry || Number.isNaN(expiry.getTime())) return null;
  return {userName, password, qwc, qwcFileName, scenario, expiresAt: expiry.toISOString()};
}

/** Asks the endpoint at `endpointUrl` for a new test user; throws an Error whose message a person can read. */
export async function issueConnection(
  fetcher: FetchLike,
  endpointUrl: string,
  scenario: TestScenario,
): Promise<IssuedConnection> {
  let response: Response;
  try {
    response = await fetcher(
      new Request(`${endpointUrl}/connections`, {
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

/**
 * True when GET <endpointUrl>/health answers 2xx, meaning a server runs the endpoint there.
 * The body is read to the end, so the request is finished and the page can reach network idle.
 */
export function hasServerEndpoint(fetcher: FetchLike, endpointUrl: string, timeoutMs = 4000): Promise<boolean> {
  return askWithin(timeoutMs, async (signal) => {
    const response = await fetcher(new Request(`${endpointUrl}/health`, {signal}));
    await response.arrayBuffer();
    return response.ok;
  });
}

/**
 * Runs a yes/no question to the server; a failure is "no", and so is no answer within `timeoutMs`,
 * even from a fetcher that ignores the abort signal.
 */
async function askWithin(timeoutMs: number, ask: (signal: AbortSignal) => Promise<boolean>): Promise<boolean> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(false);
    }, timeoutMs);
  });
  try {
    return await Promise.race([ask(controller.signal).catch(() => false), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** A transport for the mock Web Connector that POSTs each envelope through `fetcher`, as the Web Connector would. */
export function fetcherTransport(fetcher: FetchLike, url: string, signal?: AbortSignal): Transport {
  return async ({body, soapAction}) => {
    const response = await fetcher(
      new Request(url, {
        method: 'POST',
        headers: {'content-type': SOAP_CONTENT_TYPE, soapaction: soapAction},
        body,
        ...(signal ? {signal} : {}),
      }),
    );
    return {status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text()};
  };
}

/** POSTs each envelope to `url` with the window's fetch, as the Web Connector would. Network failures reject. */
export function createFetchTransport(url: string, init: {signal?: AbortSignal} = {}): Transport {
  return fetcherTransport(windowFetch, url, init.signal);
}

/** True when this site's server offers the relay (GET <endpointUrl>/relay), which reaches services a browser may not read. */
export function hasRelay(fetcher: FetchLike, endpointUrl: string, timeoutMs = 4000): Promise<boolean> {
  return askWithin(timeoutMs, async (signal) => {
    const response = await fetcher(new Request(`${endpointUrl}/relay`, {signal}));
    const body = (await response.json().catch(() => null)) as {relay?: unknown} | null;
    return response.ok && body?.relay === 'ready';
  });
}
