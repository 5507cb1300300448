import {describe, expect, it} from 'vitest';
import frameworkChunk, {FRAMEWORK_CHUNK, FRAMEWORK_MODULE} from '../../../src/plugins/framework-chunk';

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
    const plugin = frameworkChunk();
    const configure = plugin.configureWebpack!.bind(plugin);
    expect(configure({} as never, true, {} as never, undefined as never)).toEqual({});
    expect(configure({} as never, false, {} as never, undefined as never)).toMatchObject({
      optimization: {splitChunks: {cacheGroups: {framework: {name: FRAMEWORK_CHUNK, chunks: 'initial', enforce: true}}}},
    });
  });
});
