/**
 * Old addresses that must keep working. Pages are redirected by @docusaurus/plugin-client-redirects
 * (docusaurus.config.ts); anchors cannot be (the hash never reaches a server), so a client module
 * (src/client/moved-anchors.ts) rewrites an old hash to the new one when a page opens.
 * Add entries, never remove one: support tickets and bookmarks still point at the old address.
 */

/** Addresses people type or were given that have no page of their own. */
export const pageRedirects: readonly {from: string; to: string}[] = [
  {from: '/troubleshooting', to: '/docs/troubleshooting'},
  {from: '/docs/setup', to: '/docs/setup/prerequisites'},
  {from: '/docs/tools', to: '/docs/tools/qwc-generator'},
  {from: '/docs/reference', to: '/docs/reference/qwc-file'},
];

export interface MovedAnchor {
  /** The page, without a trailing slash, e.g. '/docs/troubleshooting'. */
  path: string;
  /** The id an old link uses. */
  from: string;
  /** Where that content is now: an id on the same page, or a path with an id on another page. */
  to: string;
}

/**
 * Anchors that moved. Empty today: every published anchor is still where it was (the anchor tests
 * guarantee it). When one moves, add it here and keep a short entry under the old id if you can.
 */
export const movedAnchors: readonly MovedAnchor[] = [];

/** Where an old link (page path and hash id) should go now, as a path with hash; undefined if it did not move. */
export function movedAnchorTarget(path: string, id: string, moved: readonly MovedAnchor[] = movedAnchors): string | undefined {
  const page = path.replace(/\/+$/, '') || '/';
  const entry = moved.find((candidate) => candidate.path === page && candidate.from === id);
  if (!entry) return undefined;
  return entry.to.includes('#') ? entry.to : `${page}#${entry.to}`;
}
