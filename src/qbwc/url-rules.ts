/**
 * The host rules the Web Connector applies to AppURL and AppSupport when a .qwc is added:
 * https except for localhost, no IP addresses, and both URLs on one domain.
 */

export type ParsedHttpUrl = {ok: true; url: URL; host: string} | {ok: false; reason: string};

/** Parses an absolute http(s) URL; `host` is the lower-case hostname without a trailing dot. */
export function parseHttpUrl(value: string): ParsedHttpUrl {
  const text = value.trim();
  if (text === '') return {ok: false, reason: 'it is empty'};
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) {
    return {ok: false, reason: 'it is not a full address: it must start with https:// (or http:// for localhost)'};
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {ok: false, reason: 'it is not a valid web address'};
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {ok: false, reason: `it uses "${url.protocol}", but only https:// (or http:// for localhost) works`};
  }
  if (url.hostname === '') return {ok: false, reason: 'it has no host name'};
  return {ok: true, url, host: url.hostname.toLowerCase().replace(/\.$/, '')};
}

/** The WHATWG parser already turns every IPv4 spelling (octal, hex, short) into dotted decimal. */
export function isIpAddressHost(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/** The name `localhost`: the one host the Web Connector lets use plain http. */
export function isLocalhost(host: string): boolean {
  return host === 'localhost';
}

/**
 * Whether a host means "this machine": `localhost`, any 127.x.x.x address, or the IPv6 loopback.
 * Takes a URL's `hostname` (IPv6 in brackets) or a bare address, in any case, with or without a
 * trailing dot. This is the one place in the code that recognises loopback hosts.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A URL (or origin) with a loopback IP address written as `localhost`. The Web Connector refuses IP
 * hosts, so a page opened at http://127.0.0.1 must still hand out files that name localhost.
 */
export function withLoopbackAsLocalhost(url: URL): URL {
  const named = new URL(url.href);
  if (isLoopbackHost(named.hostname) && !isLocalhost(named.hostname)) named.hostname = 'localhost';
  return named;
}

/** A LAN machine name such as `buildserver`: no dots, not an IP. */
export function isSingleLabelHost(host: string): boolean {
  return !host.includes('.') && !isIpAddressHost(host);
}

// Common public suffixes with two labels; a full public-suffix list is out of proportion here.
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'sch.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'id.au',
  'co.nz',
  'net.nz',
  'org.nz',
  'govt.nz',
  'co.za',
  'org.za',
  'co.in',
  'net.in',
  'org.in',
  'firm.in',
  'co.jp',
  'ne.jp',
  'or.jp',
  'co.kr',
  'co.il',
  'co.id',
  'co.th',
  'com.br',
  'com.mx',
  'com.ar',
  'com.co',
  'com.sg',
  'com.hk',
  'com.my',
  'com.ph',
  'com.cn',
  'com.tw',
  'com.tr',
  'com.pk',
  'com.ng',
  'com.eg',
  'com.sa',
  'com.vn',
]);

/** The registrable domain (`secure.example.co.uk` -> `example.co.uk`). */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LABEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

export type HostMatch = 'same-host' | 'same-domain' | 'different';

/**
 * How the AppSupport host relates to the AppURL host. Localhost and machine names must match
 * exactly; real domains may differ below the registrable domain.
 */
export function compareHosts(appUrlHost: string, supportHost: string): HostMatch {
  if (appUrlHost === supportHost) return 'same-host';
  const exactOnly = [appUrlHost, supportHost].some(
    (host) => isLocalhost(host) || isSingleLabelHost(host) || isIpAddressHost(host),
  );
  if (exactOnly) return 'different';
  return registrableDomain(appUrlHost) === registrableDomain(supportHost) ? 'same-domain' : 'different';
}

export function isIntuitHost(host: string): boolean {
  return host === 'intuit.com' || host.endsWith('.intuit.com');
}
