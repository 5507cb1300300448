/**
 * The connection check's own-service target: the URL as typed, why a fetch to it failed, and the
 * session script (session-script.ts). (Reaching the bundled test endpoint is in ../kit/test-endpoint.)
 */
import type {TransportDiagnosis} from '../kit/session/check-state';
import {isLoopbackHost} from '../../qbwc/url-rules';

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
