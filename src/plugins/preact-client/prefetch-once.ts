import prefetchFile from '@docusaurus/core/lib/client/prefetch';

/**
 * Docusaurus's helper that prefetches one file of a page's code (a `<link rel="prefetch">`), put
 * in its place in the browser bundle (index.ts), with one change: each file is asked for once.
 *
 * Docusaurus prefetches the code of every page a visible link points to, file by file, and skips
 * only pages it has already prefetched. Pages share most of their files (the doc layout, the
 * sidebar's data), and the page being read has loaded its own, so on a guide it appended about 200
 * link elements for some 20 files, on the main thread, each a request the browser then dropped as a
 * repeat. Here a file already asked for, or already fetched by the page's own scripts, is not
 * asked for again.
 */
const asked = new Map<string, Promise<void>>();

function alreadyFetched(url: string): boolean {
  const absolute = new URL(url, document.baseURI).href;
  return (
    performance.getEntriesByName(absolute).length > 0 || Array.from(document.scripts).some((script) => script.src === absolute)
  );
}

export default function prefetchOnce(url: string): Promise<void> {
  let prefetched = asked.get(url);
  if (!prefetched) {
    prefetched = alreadyFetched(url) ? Promise.resolve() : prefetchFile(url);
    asked.set(url, prefetched);
  }
  return prefetched;
}
