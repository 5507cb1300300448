/** What a click on a link says about itself, as far as choosing how to follow it goes. */
export interface LinkClick {
  /** The link's address, resolved (an anchor element's `href` property). */
  href: string;
  /** The link's `target` attribute ('' when it has none). */
  target: string;
  /** Whether the link has a `download` attribute. */
  download: boolean;
  button: number;
  modifier: boolean;
  defaultPrevented: boolean;
}

/** A last path segment with a dot in it names a file (`/img/logo.svg`, `/docs/setup.md`), not a page. */
const FILE_SEGMENT = /\.[^/]+$/;

/**
 * Where a click on a link in served text should move within the site without loading a whole page
 * (the path, query and hash to push), or null when the browser should follow it itself: a click
 * with a modifier or another button, a link that opens elsewhere or downloads, another site, a
 * file, or a hash on the same page (the browser scrolls to it, and the router hears of it).
 */
export function sitePagePath(click: LinkClick, pageUrl: string): string | null {
  if (click.defaultPrevented || click.button !== 0 || click.modifier) return null;
  if ((click.target !== '' && click.target !== '_self') || click.download) return null;
  let url: URL;
  let page: URL;
  try {
    url = new URL(click.href, pageUrl);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.origin !== page.origin || FILE_SEGMENT.test(url.pathname)) return null;
  if (url.pathname === page.pathname && url.search === page.search && url.hash !== '') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
