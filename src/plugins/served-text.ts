import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {readFile, rename, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Plugin} from '@docusaurus/types';
import {isServedTextDoc} from '../components/ServedText/served-text-doc';
import {escapeRegExp} from '../qbwc/escape-regexp';
import {markPastFirstScreen} from './served-text-first-screen';

/** The bundler's `experiments` option, as configureWebpack sees it. */
type Experiments = Parameters<NonNullable<Plugin['configureWebpack']>>[0]['experiments'];

/** What the docs plugin's loaded content holds, as far as it is read here. */
interface DocsContent {
  loadedVersions?: {docs: {source: string; permalink: string; frontMatter: Record<string, unknown>}[]}[];
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

/** The built page of a route: `/docs/x` (or `/docs/`) is docs/x.html (trailingSlash: false) or docs/x/index.html. */
function builtPage(outDir: string, permalink: string): string {
  const candidates = [join(outDir, `${permalink.replace(/\/$/, '')}.html`), join(outDir, permalink, 'index.html')];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`served text: no built page for ${permalink} (looked for ${candidates.join(', ')})`);
  return found;
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
 * After the build, each such page's HTML gets one attribute: the mark on the first block below the
 * first screen, from where a phone skips the text's layout (served-text-first-screen.ts).
 *
 * In the browser, src/theme/DocItem/Content draws ServedText in place of the theme's text. It keeps
 * the text as served (a first visit) or fetches the page's HTML and takes the text from it (a move
 * from another page), and adds what the text's code added: the "Copy link" buttons and links that
 * move within the site (src/components/ServedText).
 */
export default function servedText(): Plugin {
  /** Each served-text doc's import request (`@site/docs/troubleshooting.mdx`) → the browser's module in its place. */
  const replacements = new Map<string, string>();
  /** The served-text docs' permalinks, whose built pages get the first screen's mark. */
  let permalinks: string[] = [];
  return {
    name: 'qbwc-served-text',
    async allContentLoaded({allContent, actions}) {
      const docs = allContent['docusaurus-plugin-content-docs'] as Record<string, DocsContent | undefined> | undefined;
      const servedDocs = Object.values(docs ?? {})
        .flatMap((content) => content?.loadedVersions ?? [])
        .flatMap((version) => version.docs)
        .filter((doc) => isServedTextDoc(doc.frontMatter));
      const sources = servedDocs.map((doc) => doc.source);
      permalinks = servedDocs.map((doc) => doc.permalink);
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
    // Each served text's page marks the first block past the first screen (served-text-first-screen.ts).
    // Other plugins' postBuild read the same pages at the same time (the local search's index, the
    // llms.txt files): the marked page replaces the old one in one step, never half written.
    async postBuild({outDir}) {
      await Promise.all(
        permalinks.map(async (permalink) => {
          const file = builtPage(outDir, permalink);
          const {html} = markPastFirstScreen(await readFile(file, 'utf8'));
          const marked = `${file}.marked`;
          await writeFile(marked, html);
          await rename(marked, file);
        }),
      );
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
