import {describe, expect, it} from 'vitest';
import docsLayoutChunk, {DOCS_LAYOUT_CHUNK, isDocsLayoutChunk} from '../../../src/plugins/docs-layout-chunk';

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

  it('adds a cache group to the browser build only', () => {
    const plugin = docsLayoutChunk();
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
