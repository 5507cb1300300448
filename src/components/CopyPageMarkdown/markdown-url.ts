/**
 * Where the build puts the Markdown copy of a page: /docs/setup/prerequisites -> /docs/setup/prerequisites.md,
 * /docs/ -> /docs.md. Hashes and queries are not part of the page.
 */
export function markdownUrlFor(pathname: string): string {
  const path = pathname.split(/[?#]/)[0]?.replace(/\/+$/, '') ?? '';
  return `${path === '' ? '/index' : path}.md`;
}

/** A server that has no copy answers with its HTML fallback page; that is not Markdown. */
export function looksLikeMarkdown(contentType: string | null, body: string): boolean {
  if (contentType?.includes('text/html')) return false;
  return !/^\s*<!doctype html/i.test(body) && body.trim() !== '';
}
