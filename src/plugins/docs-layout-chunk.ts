import type {Plugin} from '@docusaurus/types';

/**
 * The requests of the route modules every docs page loads, whatever the page: the docs' root,
 * version root and layout components, the docs plugin's global data and the version's metadata
 * (its sidebar). A page's own content and metadata are not among them.
 */
export const DOCS_LAYOUT_REQUESTS: readonly RegExp[] = [
  /^@theme\/DocsRoot$/,
  /^@theme\/DocVersionRoot$/,
  /^@theme\/DocRoot$/,
  /^@theme\/DocItem$/,
  /^@generated\/docusaurus-plugin-content-docs\/default\/__plugin\.json$/,
  /^@generated\/docusaurus-plugin-content-docs\/default\/p\/[^/]+\.json$/,
];

/** The parts of an Rspack chunk read here. */
export interface ChunkLike {
  groupsIterable: Iterable<{origins: Iterable<{request?: string | null}>}>;
}

/** Whether a chunk was made for one of the route modules in DOCS_LAYOUT_REQUESTS. */
export function isDocsLayoutChunk(chunk: ChunkLike): boolean {
  for (const group of chunk.groupsIterable)
    for (const {request} of group.origins)
      if (request && DOCS_LAYOUT_REQUESTS.some((pattern) => pattern.test(request))) return true;
  return false;
}

export const DOCS_LAYOUT_CHUNK = 'docs-layout';

/**
 * One script for the code every docs page shares. Docusaurus makes a chunk per route module, and
 * the bundler splits out the parts those chunks share with the blog's, so a docs page listed
 * eleven scripts besides the entry's two, each fetched, added and run on its own. Under
 * Lighthouse each added script cost a main-thread task of 8-26 ms at 1x (the request's
 * bookkeeping), and a phone on a poor connection pays a request for each. The modules of the
 * chunks made for DOCS_LAYOUT_REQUESTS go into one chunk instead; the blog keeps its own copies
 * of what it shares with them, so it loads none of the docs' code.
 */
export default function docsLayoutChunk(): Plugin {
  return {
    name: 'qbwc-docs-layout-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              // Below the stylesheet group (priority 50): CSS stays in the one stylesheet.
              docsLayout: {
                name: DOCS_LAYOUT_CHUNK,
                chunks: (chunk: ChunkLike) => isDocsLayoutChunk(chunk),
                enforce: true,
                priority: 45,
              },
            },
          },
        },
      };
    },
  };
}
