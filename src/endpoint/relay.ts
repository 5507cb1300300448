/**
 * The relay: how the connection check on this site's server checks a person's own Web Connector
 * service. A browser may not read another site's answer unless that site sends CORS headers, and
 * nearly no Web Connector service does (the Web Connector is not a browser and does not need them),
 * so the page asks this site's server to make the call instead: POST /qbwc/relay.
 *
 * A relay is a way into other people's networks if it is careless, so this one only does what the
 * Web Connector does, and only towards the public Internet:
 * - it sends Web Connector SOAP calls only, and builds each envelope itself with the codec from a
 *   method name and its parameters; a caller's raw body is never forwarded;
 * - it calls https addresses only, whose host resolves to public addresses only (no loopback,
 *   private, link-local, cloud metadata, multicast or reserved ranges), and follows a redirect only
 *   after checking its target the same way (`allowLoopback` opens loopback, over http too, for
 *   local development and the tests, and nothing else);
 * - every call has a short timeout and an answer size cap, and each client a rate limit;
 * - it keeps nothing: no log of bodies, user names or passwords, no cookies, no stored answer.
 *
 * Web-standard code (fetch, AbortSignal, URL): the host's name lookup is injected, so a server
 * passes node:dns, and tests pass their own.
 */
import {readStreamWithin} from './read-within';
import ipaddr from 'ipaddr.js';
import {
  buildRequest,
  isQbwcMethod,
  QBWC_METHODS,
  SOAP_CONTENT_TYPE,
  soapActionFor,
  type QbwcMethod,
  type SoapParamSpec,
} from '../qbwc/soap';

export interface RelayRequest {
  method: string;
  /** Path and query, or an absolute URL. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
  /** The caller's network address, for the rate limit; requests without one share a bucket. */
  clientAddress?: string;
}

export interface RelayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Relay {
  handle(request: RelayRequest): Promise<RelayResponse>;
}

/** A fetch as the relay uses it: the platform's, or one that also pins the connection (see node-relay.ts). */
export type RelayFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface RelayOptions {
  /** Every address a host name resolves to. */
  resolveHost(hostname: string): Promise<readonly string[]>;
  fetch?: RelayFetch;
  /** Let the relay call loopback addresses (127.0.0.0/8, ::1), over http too: local development and tests only. */
  allowLoopback?: boolean;
  /** Per call, name lookup included. Default 10 s. */
  timeoutMs?: number;
  /** The largest answer passed back, in bytes. Default 256 KiB. */
  maxResponseBytes?: number;
  /** Calls each client may make per window. Default 60 (a check makes about 8). */
  maxCallsPerWindow?: number;
  /** Default 60 s. */
  windowMs?: number;
  /** For tests of the rate limit. Default Date.now. */
  now?: () => number;
}

const MAX_REQUEST_BYTES = 512 * 1024;
const MAX_REDIRECTS = 2;
const MAX_TRACKED_CLIENTS = 10_000;

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
});

function json(status: number, value: unknown, extra?: Record<string, string>): RelayResponse {
  return {status, headers: {...JSON_HEADERS, ...extra}, body: JSON.stringify(value)};
}

/** Why the relay refused or failed, in words the connection check shows as they are. */
function refusal(status: number, reason: RelayRefusal, message: string, extra?: Record<string, string>): RelayResponse {
  return json(status, {error: message, reason}, extra);
}

export type RelayRefusal =
  | 'bad-request'
  | 'not-https'
  | 'not-public'
  | 'unresolved'
  | 'rate-limited'
  | 'timeout'
  | 'too-large'
  | 'unreachable'
  | 'too-many-redirects';

/** True for an address the relay may call: public unicast, or loopback when that is allowed. */
export function isAllowedAddress(address: string, allowLoopback = false): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'loopback') return allowLoopback;
  if (range !== 'unicast') return false;
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address inside: judge that one too.
  if (parsed.kind() === 'ipv6') {
    const parts = (parsed as ipaddr.IPv6).parts;
    if (parts[0] === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((part) => part === 0)) {
      return isAllowedAddress(
        `${(parts[6] ?? 0) >> 8}.${(parts[6] ?? 0) & 255}.${(parts[7] ?? 0) >> 8}.${(parts[7] ?? 0) & 255}`,
      );
    }
    if (parts[0] === 0x2002) {
      return isAllowedAddress(
        `${(parts[1] ?? 0) >> 8}.${(parts[1] ?? 0) & 255}.${(parts[2] ?? 0) >> 8}.${(parts[2] ?? 0) & 255}`,
      );
    }
  }
  return true;
}

function hostOf(url: URL): string {
  // URL keeps brackets around an IPv6 host.
  return url.hostname.replace(/^\[|\]$/g, '');
}

interface RelayCall {
  url: URL;
  method: QbwcMethod;
  params: Record<string, string>;
}

/** Reads {url, method, params} and checks each part; the envelope is built from these alone. */
function readCall(body: string): RelayCall | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'The body must be JSON: {"url": "https://…", "method": "serverVersion", "params": {}}.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The body must be a JSON object.';
  const {url, method, params = {}} = value as Record<string, unknown>;
  if (typeof url !== 'string' || url.length > 2048) return 'Give the service address as "url" (at most 2048 characters).';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The "url" is not a complete address.';
  }
  if (parsed.username || parsed.password) return 'Leave user names and passwords out of the address.';
  if (typeof method !== 'string' || !isQbwcMethod(method)) return 'The "method" must be one of the Web Connector’s SOAP calls.';
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return 'The "params" must be a JSON object.';
  const specs = QBWC_METHODS[method].params as readonly SoapParamSpec[];
  const known = new Set(specs.map((spec) => spec.name));
  const clean: Record<string, string> = {};
  for (const [name, given] of Object.entries(params as Record<string, unknown>)) {
    if (!known.has(name)) return `${method} has no parameter "${name}".`;
    if (typeof given !== 'string' && typeof given !== 'number') return `The parameter "${name}" must be text.`;
    clean[name] = String(given);
  }
  parsed.hash = '';
  return {url: parsed, method, params: clean};
}

class RelayStop extends Error {
  constructor(
    readonly response: RelayResponse,
    message: string,
  ) {
    super(message);
  }
}

export function createRelay(options: RelayOptions): Relay {
  const fetcher: RelayFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const allowLoopback = options.allowLoopback ?? false;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxResponseBytes = options.maxResponseBytes ?? 256 * 1024;
  const maxCalls = options.maxCallsPerWindow ?? 60;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, {start: number; calls: number}>();

  /** Counts a call; the seconds to wait when the client is over its limit, else 0. */
  function overLimit(client: string): number {
    const time = now();
    let window = windows.get(client);
    if (!window || time - window.start >= windowMs) {
      if (windows.size >= MAX_TRACKED_CLIENTS) {
        for (const [key, value] of windows) if (time - value.start >= windowMs) windows.delete(key);
        if (windows.size >= MAX_TRACKED_CLIENTS) windows.clear();
      }
      window = {start: time, calls: 0};
      windows.set(client, window);
    }
    window.calls++;
    return window.calls > maxCalls ? Math.max(1, Math.ceil((window.start + windowMs - time) / 1000)) : 0;
  }

  /** Refuses addresses the relay must not call; resolves the host name to check where it leads. */
  async function checkTarget(url: URL, signal: AbortSignal): Promise<void> {
    const host = hostOf(url);
    const literal = ipaddr.isValid(host);
    let addresses: readonly string[];
    if (literal) {
      addresses = [host];
    } else {
      try {
        addresses = await Promise.race([
          options.resolveHost(host),
          new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), {once: true})),
        ]);
      } catch (error) {
        if (signal.aborted) throw error;
        throw new RelayStop(
          refusal(502, 'unresolved', `The name ${host} could not be found (DNS). Check the address for typos.`),
          'unresolved',
        );
      }
    }
    if (addresses.length === 0) {
      throw new RelayStop(refusal(502, 'unresolved', `The name ${host} has no address (DNS).`), 'unresolved');
    }
    const loopbackOnly =
      allowLoopback && addresses.every((address) => isAllowedAddress(address, true) && !isAllowedAddress(address));
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackOnly)) {
      throw new RelayStop(
        refusal(
          400,
          'not-https',
          'Only https:// services can be checked from this site. The Web Connector also requires https, except for localhost.',
        ),
        'not-https',
      );
    }
    if (!addresses.every((address) => isAllowedAddress(address, allowLoopback))) {
      throw new RelayStop(
        refusal(
          403,
          'not-public',
          `${host} leads to a private or reserved network address, which this site does not call. Check a service on your own network from a computer on that network, with the script below.`,
        ),
        'not-public',
      );
    }
  }

  async function relay(call: RelayCall): Promise<RelayResponse> {
    const body = buildRequest(call.method, call.params);
    const signal = AbortSignal.timeout(timeoutMs);
    let url = call.url;
    try {
      for (let hop = 0; ; hop++) {
        await checkTarget(url, signal);
        const response = await fetcher(url.href, {
          method: 'POST',
          headers: {'content-type': SOAP_CONTENT_TYPE, soapaction: soapActionFor(call.method)},
          body,
          redirect: 'manual',
          credentials: 'omit',
          signal,
        });
        const location = response.headers.get('location');
        if ((response.status === 307 || response.status === 308) && location) {
          await response.body?.cancel().catch(() => undefined);
          if (hop >= MAX_REDIRECTS) {
            return refusal(502, 'too-many-redirects', `The service redirected more than ${MAX_REDIRECTS} times.`);
          }
          url = new URL(location, url);
          continue;
        }
        const text = await readStreamWithin(response.body, maxResponseBytes);
        if (text === null) {
          return refusal(
            502,
            'too-large',
            `The answer is larger than ${Math.round(maxResponseBytes / 1024)} KiB, more than any Web Connector answer needs.`,
          );
        }
        return json(200, {status: response.status, contentType: response.headers.get('content-type') ?? '', body: text});
      }
    } catch (error) {
      if (error instanceof RelayStop) return error.response;
      if (signal.aborted) {
        return refusal(504, 'timeout', `The service did not answer within ${Math.round(timeoutMs / 1000)} seconds.`);
      }
      return refusal(
        502,
        'unreachable',
        `The service could not be reached from this site: the connection was refused or failed (for example a certificate that is not valid).`,
      );
    }
  }

  async function handle(request: RelayRequest): Promise<RelayResponse> {
    const method = request.method.toUpperCase();
    if (method === 'GET' || method === 'HEAD') {
      return json(200, {relay: 'ready', allowLoopback, timeoutMs, maxResponseBytes});
    }
    // No CORS headers: only pages of this site may use the relay from a browser.
    if (method === 'OPTIONS') return {status: 204, headers: {allow: 'GET, POST'}, body: ''};
    if (method !== 'POST') return refusal(405, 'bad-request', 'The relay accepts POST only.', {allow: 'GET, POST'});
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return refusal(415, 'bad-request', 'Send the call as application/json.');
    }
    if (request.body.length > MAX_REQUEST_BYTES) return refusal(413, 'bad-request', 'The call is too large to relay.');
    const wait = overLimit(request.clientAddress ?? 'unknown');
    if (wait > 0) {
      return refusal(429, 'rate-limited', `Too many calls through the relay; try again in ${wait} seconds.`, {
        'retry-after': String(wait),
      });
    }
    const call = readCall(request.body);
    if (typeof call === 'string') return refusal(400, 'bad-request', call);
    return relay(call);
  }

  return {handle};
}
