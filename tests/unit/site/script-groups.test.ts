import {describe, expect, it} from 'vitest';
import scriptGroups, {
  DOCS_LAYOUT_CHUNK,
  FRAMEWORK_CHUNK,
  FRAMEWORK_MODULE,
  isDocsLayoutChunk,
} from '../../../src/plugins/script-groups';

/** A chunk made for the given import requests, one chunk group each. */
const chunkFor = (...requests: (string | null)[]) => ({
  groupsIterable: requests.map((request) => ({origins: [{request}]})),
});

describe('the chunk every docs page shares', () => {
  it.each([
    '@theme/DocsRoot',
    '@theme/DocVersionRoot',
    '@theme/DocRoot',
    '@theme/DocItem',
    '@generated/docusaurus-plugin-content-docs/default/__plugin.json',
    '@generated/docusaurus-plugin-content-docs/default/p/docs-175.json',
  ])('takes the chunk made for %s', (request) => {
    expect(isDocsLayoutChunk(chunkFor(request))).toBe(true);
  });

  it.each([
    // A page's own text and metadata, the blog's layout, widgets loaded on demand.
    '@site/docs/setup/configure-connector.mdx',
    '@generated/docusaurus-plugin-content-docs/default/site-docs-setup-configure-connector-mdx-522.json',
    '@theme/BlogPostPage',
    '@theme/DocItemExtra',
    '@site/src/components/QwcTool',
    null,
  ])('leaves the chunk made for %s alone', (request) => {
    expect(isDocsLayoutChunk(chunkFor(request))).toBe(false);
  });

  it('takes a chunk when any of its groups was made for the docs layout', () => {
    expect(isDocsLayoutChunk(chunkFor('@theme/BlogPostPage', '@theme/DocItem'))).toBe(true);
    expect(isDocsLayoutChunk({groupsIterable: []})).toBe(false);
  });

  it('adds its cache groups to the browser build only', () => {
    const plugin = scriptGroups();
    const configure = plugin.configureWebpack!.bind(plugin);
    const utils = {} as never;
    expect(configure({} as never, true, utils, undefined as never)).toEqual({});
    const client = configure({} as never, false, utils, undefined as never) as {
      optimization: {splitChunks: {cacheGroups: Record<string, {name: string; chunks: unknown; enforce: boolean}>}};
    };
    const group = client.optimization.splitChunks.cacheGroups.docsLayout!;
    expect(group).toMatchObject({name: DOCS_LAYOUT_CHUNK, enforce: true});
    expect((group.chunks as typeof isDocsLayoutChunk)(chunkFor('@theme/DocRoot'))).toBe(true);
  });
});

describe("main.js's framework half", () => {
  it.each([
    '/site/node_modules/preact/dist/preact.module.js',
    '/site/node_modules/react-router/esm/react-router.js',
    '/site/node_modules/@docusaurus/core/lib/client/exports/Link.js',
    '/site/node_modules/@docusaurus/utils-common/lib/index.js',
    'C:\\site\\node_modules\\tslib\\tslib.es6.mjs',
  ])('takes %s', (path) => {
    expect(FRAMEWORK_MODULE.test(path)).toBe(true);
  });

  it.each([
    // Docusaurus's theme and content plugins, the search's client and the site's own code stay in main.js.
    '/site/node_modules/@docusaurus/theme-common/lib/contexts/colorMode.js',
    '/site/node_modules/@docusaurus/theme-classic/lib/theme/Layout/index.js',
    '/site/node_modules/@docusaurus/plugin-content-docs/lib/client/docsUtils.js',
    '/site/node_modules/@easyops-cn/docusaurus-search-local/dist/client/client/index.js',
    '/site/src/client/near-screen.ts',
    '/site/.docusaurus/registry.js',
  ])('leaves %s in main.js', (path) => {
    expect(FRAMEWORK_MODULE.test(path)).toBe(false);
  });

  it('splits the browser build only, from the entry (initial) chunks', () => {
    const plugin = scriptGroups();
    const configure = plugin.configureWebpack!.bind(plugin);
    expect(configure({} as never, true, {} as never, undefined as never)).toEqual({});
    expect(configure({} as never, false, {} as never, undefined as never)).toMatchObject({
      optimization: {splitChunks: {cacheGroups: {framework: {name: FRAMEWORK_CHUNK, chunks: 'initial', enforce: true}}}},
    });
  });
});
