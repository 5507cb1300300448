/**
 * The pages a reader types or drops something private into: a Web Connector password (the password
 * check, the connection check, the connection flow) or the Web Connector's own log (the log reader).
 * Their documents are served with `Cross-Origin-Opener-Policy: same-origin`, which puts them in a
 * browsing-context group, and so a process, of their own: a page of another site that opened one
 * keeps no handle on it. The other pages (guides, the catalogue, the updates, the .qwc generator)
 * hold only what the site published, so the policy would protect nothing there, and it costs their
 * load a new renderer process when they open from a blank tab (in Lighthouse, catalogue blocking
 * time 316 ms without it against 586 ms with it, median of 5).
 *
 * One list for the server (src/endpoint/node-server.ts) and the browser, which loads one of these
 * pages as a whole document when a link inside the site leads to it from a page without the policy
 * (src/client/isolated-page-load.ts).
 */
export const ISOLATED_PAGES: readonly string[] = [
  '/docs/tools/password-check',
  '/docs/tools/connection-check',
  '/docs/tools/log-reader',
  '/connect',
];

const isolated = new Set(ISOLATED_PAGES);

/** Whether the page at `pathname` (as requested: a trailing slash or `.html` allowed) is one of ISOLATED_PAGES. */
export function isIsolatedPage(pathname: string): boolean {
  const page = pathname.replace(/(?:\/index)?\.html$/, '').replace(/\/+$/, '');
  return isolated.has(page);
}
