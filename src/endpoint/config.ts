/**
 * The endpoint's settings, read from the environment in one place and handed to every home of the
 * endpoint (the Node server, the dev-server plugin, the in-browser copy). Pure: no Node API, so
 * an edge runtime can build it from its own bindings.
 */
import {brandingFromEnv, defaultBranding, DEFAULT_ENDPOINT_PATH, type Branding} from '../branding';

export interface EndpointLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Open connections the Node server accepts at once; more are refused. */
  maxConnections: number;
  /** A client has this long to send its request headers, and this long to send the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export interface EndpointConfig {
  branding: Branding;
  basePath: string;
  /** The origin to advertise in the WSDL and issued .qwc files, e.g. https://help.example.com. */
  publicOrigin?: string;
  /** Believe X-Forwarded-Host/-Proto (their last value, the one the nearest proxy wrote). */
  trustProxy: boolean;
  /** Other sites' origins allowed to request test connections from a browser (CORS on /connections). */
  connectionsCorsOrigins: readonly string[];
  limits: EndpointLimits;
  /** FEEDBACK_FILE: where the Node server appends page-feedback votes; absent, votes are not recorded. */
  feedbackFile?: string;
}

/** What a caller may set; everything left out takes its default in endpointConfig(). */
export interface EndpointSettings {
  branding?: Partial<Branding>;
  basePath?: string;
  publicOrigin?: string;
  trustProxy?: boolean;
  connectionsCorsOrigins?: readonly string[];
  limits?: Partial<EndpointLimits>;
  feedbackFile?: string;
}

/** The part of the configuration the pages need (built into the site, read by the widgets). */
export interface SiteEndpointConfig {
  branding: Branding;
  basePath: string;
}

export const DEFAULT_BASE_PATH = DEFAULT_ENDPOINT_PATH;

export const DEFAULT_LIMITS: EndpointLimits = {
  maxBodyBytes: 1024 * 1024,
  maxConnections: 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** An origin (scheme, host, optional port) with no path; refuses anything else with a clear message. */
export function parsePublicOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_ORIGIN must be an origin such as https://help.example.com; got "${value}".`);
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.pathname.replace(/\/+$/, '') !== '' ||
    url.search ||
    url.hash
  ) {
    throw new ConfigError(
      `PUBLIC_ORIGIN must be an http(s) origin with no path, such as https://help.example.com; got "${value}".`,
    );
  }
  return url.origin;
}

function positiveInteger(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive whole number; got "${raw}".`);
  return value;
}

function flag(env: Record<string, string | undefined>, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be 1 or 0 (true or false); got "${env[name]}".`);
}

function originList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => origin.replace(/\/+$/, ''));
}

/** The whole configuration from what a caller set: the one place defaults are filled in. */
export function endpointConfig(settings: EndpointSettings = {}): EndpointConfig {
  const basePath = `/${(settings.basePath ?? DEFAULT_BASE_PATH).replace(/^\/+|\/+$/g, '')}`;
  return {
    // Without its own endpoint URL, a generated .qwc points at this endpoint.
    branding: {...defaultBranding, endpointUrl: basePath, ...settings.branding},
    basePath,
    ...(settings.publicOrigin ? {publicOrigin: parsePublicOrigin(settings.publicOrigin)} : {}),
    trustProxy: settings.trustProxy === true,
    connectionsCorsOrigins: (settings.connectionsCorsOrigins ?? []).map((origin) => origin.replace(/\/+$/, '')),
    limits: {...DEFAULT_LIMITS, ...settings.limits},
    ...(settings.feedbackFile ? {feedbackFile: settings.feedbackFile} : {}),
  };
}

/**
 * The configuration from environment variables: BRAND_* (see branding.ts), PUBLIC_ORIGIN,
 * TRUST_PROXY, CONNECTIONS_CORS_ORIGINS, MAX_BODY_BYTES, MAX_CONNECTIONS and FEEDBACK_FILE. A bad value throws a
 * ConfigError that names the variable.
 */
export function endpointConfigFromEnv(env: Record<string, string | undefined>): EndpointConfig {
  const feedbackFile = env.FEEDBACK_FILE?.trim();
  return endpointConfig({
    branding: brandingFromEnv(env),
    ...(env.PUBLIC_ORIGIN ? {publicOrigin: env.PUBLIC_ORIGIN} : {}),
    trustProxy: flag(env, 'TRUST_PROXY'),
    connectionsCorsOrigins: originList(env.CONNECTIONS_CORS_ORIGINS),
    limits: {
      maxBodyBytes: positiveInteger(env, 'MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes),
      maxConnections: positiveInteger(env, 'MAX_CONNECTIONS', DEFAULT_LIMITS.maxConnections),
    },
    ...(feedbackFile ? {feedbackFile} : {}),
  });
}

/** What the site is built with, so the widgets and the in-page endpoint agree with the server. */
export function siteEndpointConfig(config: EndpointConfig): SiteEndpointConfig {
  return {branding: config.branding, basePath: config.basePath};
}
