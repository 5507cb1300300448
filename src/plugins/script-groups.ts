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

/**
 * The packages of main.js that go into a script of their own: every package but Docusaurus's
 * theme and content plugins (and the search's client), which stay in main.js with the site's own
 * code. The two halves are about the same size (about 140 and 130 kB of source).
 */
export const FRAMEWORK_MODULE = /[\\/]node_modules[\\/](?!@docusaurus[\\/](?:theme-|plugin-)|@easyops-cn[\\/])/;

/** The scripts the groups below make, by name (`docs-layout.<hash>.js`). */
export const DOCS_LAYOUT_CHUNK = 'docs-layout';
export const FRAMEWORK_CHUNK = 'framework';

/**
 * Two scripts the browser bundle is cut into beside Docusaurus's own split.
 *
 * - docs-layout: one script for the code every docs page shares. Docusaurus makes a chunk per route
 *   module, and the bundler splits out the parts those chunks share with the blog's, so a docs page
 *   listed eleven scripts besides the entry's two, each fetched, added and run on its own. Under
 *   Lighthouse each added script cost a main-thread task of 8-26 ms at 1x (the request's
 *   bookkeeping), and a phone on a poor connection pays a request for each. The modules of the
 *   chunks made for DOCS_LAYOUT_REQUESTS go into one chunk instead; the blog keeps its own copies
 *   of what it shares with them, so it loads none of the docs' code.
 * - framework: main.js in two scripts, the framework (Preact, the router, Docusaurus's core client
 *   and the small packages they use) and the rest. A browser compiles a script as it arrives, off
 *   the main thread where it can; under Lighthouse's instrumentation it compiles on the main thread
 *   as the script is evaluated, and the one main.js was a task of 8-24 ms at 1x (a task of 12.5 ms
 *   or more counts as blocking on Lighthouse's phone, four times slower). Each half compiles in
 *   about half that time: in four Lighthouse runs of a guide, 5-12 ms for the framework, 3-8 ms for
 *   the rest.
 *
 * Both rank below the one stylesheet's group (priority 50), so CSS stays in the one stylesheet.
 */
export default function scriptGroups(): Plugin {
  return {
    name: 'qbwc-script-groups',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              docsLayout: {
                name: DOCS_LAYOUT_CHUNK,
                chunks: (chunk: ChunkLike) => isDocsLayoutChunk(chunk),
                enforce: true,
                priority: 45,
              },
              framework: {name: FRAMEWORK_CHUNK, chunks: 'initial', test: FRAMEWORK_MODULE, enforce: true, priority: 44},
            },
          },
        },
      };
    },
  };
}
