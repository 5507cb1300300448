/** Sent only with the endpoint's answers and the pages in src/isolated-pages.ts (see there). */
export const OPENER_POLICY_HEADER = 'cross-origin-opener-policy';

/**
 * The headers every response carries, pages and endpoint alike (the opener policy only where
 * src/isolated-pages.ts says). The Content-Security-Policy allows only this origin's scripts plus
 * the inline scripts the build itself wrote (by hash), so injected markup cannot run code;
 * connections may go to any https service because the connection check calls the reader's own
 * endpoint from the browser.
 */
export interface SecurityHeaderOptions {
  /** base64 SHA-256 hashes of the inline scripts the site's pages contain. */
  inlineScriptHashes?: readonly string[];
  /** The advertised origin; HSTS is sent only when it is https. */
  publicOrigin?: string;
}

export function contentSecurityPolicy(inlineScriptHashes: readonly string[] = []): string {
  const hashes = inlineScriptHashes.map((hash) => ` 'sha256-${hash}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${hashes}`,
    // React writes style attributes, and the support page has one inline style sheet.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(options.inlineScriptHashes),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    [OPENER_POLICY_HEADER]: 'same-origin',
  };
  if (options.publicOrigin?.startsWith('https://')) {
    headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  }
  return headers;
}
