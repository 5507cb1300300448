import {createHash} from 'node:crypto';
import type {Plugin} from '@docusaurus/types';
import {isServedTextDoc} from '../components/ServedText/served-text-doc';
import {escapeRegExp} from '../qbwc/escape-regexp';

/** The bundler's `experiments` option, as configureWebpack sees it. */
type Experiments = Parameters<NonNullable<Plugin['configureWebpack']>>[0]['experiments'];

/** What the docs plugin's loaded content holds, as far as it is read here. */
interface DocsContent {
  loadedVersions?: {docs: {source: string; frontMatter: Record<string, unknown>}[]}[];
}

/**
 * The doc's whole compiled module, under a query that sets it apart from the request the
 * replacement matches. The server render imports it in place of the doc too: the MDX loader
 * compiles each request once for both bundles and has the server wait for the browser's
 * compilation of the same request, which for the plain request would never come.
 */
function wholeDoc(source: string): string {
  return `${source}?served-text`;
}

/**
 * The bundler's persistent cache, its version telling which docs are served text. The cache keeps
 * how each import was resolved, replacements included, and knows nothing of this plugin: after
 * a doc's `served_text` changed, a build restored the old resolution in one bundle and compiled the
 * other anew, and the server's MDX compilation waited forever for the browser's. A new set of
 * served-text docs now starts a new cache.
 */
function servedTextCache(experiments: Experiments, sources: string[]): Experiments {
  const cache = (experiments as {cache?: unknown} | undefined)?.cache;
  if (!cache || typeof cache !== 'object' || !('version' in cache)) return {};
  const served = createHash('sha256').update(JSON.stringify(sources.sort())).digest('hex').slice(0, 12);
  return {cache: {...cache, version: `${String(cache.version)}-served-text-${served}`}} as Experiments;
}

/**
 * Docs whose text needs no code in the browser (`served_text: true` in their front matter: no
 * widget, no code block, only text, headings, links and lists) ship none of it. The browser bundle
 * gets, in place of such a doc's compiled MDX, a module that re-exports only what the page's frame
 * reads (front matter, title, table of contents, metadata) and, as its component, ServedText: the
 * text's own components, hundreds of elements' worth of JSX, tree-shake away. When the site
 * preloads the route (a link to it pointed at), the module starts fetching the text. The build's
 * server render still uses the whole module, so the HTML is unchanged.
 *
 * In the browser, src/theme/DocItem/Content draws ServedText in place of the theme's text. It keeps
 * the text as served (a first visit) or fetches the page's HTML and takes the text from it (a move
 * from another page), and adds what the text's code added: the "Copy link" buttons and links that
 * move within the site (src/components/ServedText).
 */
export default function servedText(): Plugin {
  /** Each served-text doc's import request (`@site/docs/troubleshooting.mdx`) → the browser's module in its place. */
  const replacements = new Map<string, string>();
  return {
    name: 'qbwc-served-text',
    async allContentLoaded({allContent, actions}) {
      const docs = allContent['docusaurus-plugin-content-docs'] as Record<string, DocsContent | undefined> | undefined;
      const sources = Object.values(docs ?? {})
        .flatMap((content) => content?.loadedVersions ?? [])
        .flatMap((version) => version.docs)
        .filter((doc) => isServedTextDoc(doc.frontMatter))
        .map((doc) => doc.source);
      replacements.clear();
      for (const [index, source] of sources.entries()) {
        const path = await actions.createData(
          `served-text-${index}.js`,
          `import {metadata} from ${JSON.stringify(wholeDoc(source))};\n` +
            `import {prefetchText} from '@site/src/components/ServedText/text-cache';\n` +
            `export {frontMatter, contentTitle, toc, assets, metadata} from ${JSON.stringify(wholeDoc(source))};\n` +
            `export {default} from '@site/src/components/ServedText';\n` +
            `prefetchText(metadata.permalink);\n`,
        );
        replacements.set(source, path);
      }
    },
    configureWebpack(config, isServer, {currentBundler}) {
      return {
        experiments: servedTextCache(config.experiments, [...replacements.keys()]),
        plugins: [...replacements].map(
          ([source, browserModule]) =>
            new currentBundler.instance.NormalModuleReplacementPlugin(
              new RegExp(`^${escapeRegExp(source)}$`),
              isServer ? wholeDoc(source) : browserModule,
            ),
        ),
      };
    },
  };
}
