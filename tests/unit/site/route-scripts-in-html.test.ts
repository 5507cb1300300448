import {describe, expect, it} from 'vitest';
import {nameGroupsByRequest} from '../../../src/plugins/route-scripts-in-html';

describe('naming chunk groups by their import requests', () => {
  const manifest = {
    entrypoints: ['main'],
    origins: {main: [1, 'main'], '522e9bea': [4238, 522], '17896441': [106], 'docs-layout': [1430]},
    assets: {1: {}, main: {}, 4238: {}, 522: {}, 106: {}, 1430: {}},
  };

  it("adds each named group's request beside its chunk name, with the same chunks", () => {
    const named = nameGroupsByRequest(manifest, {
      chunkGroups: [
        {name: '522e9bea', origins: [{request: '@site/docs/setup/configure-connector.mdx'}]},
        {name: '17896441', origins: [{request: '@theme/DocItem'}, {request: null}]},
      ],
    });
    expect(named.origins['@site/docs/setup/configure-connector.mdx']).toEqual([4238, 522]);
    expect(named.origins['@theme/DocItem']).toEqual([106]);
    // What was there stays, and the rest of the manifest is untouched.
    expect(named.origins.main).toEqual([1, 'main']);
    expect(named).toMatchObject({entrypoints: ['main'], assets: manifest.assets});
  });

  it('skips groups without a name or without chunks in the manifest, and never overwrites a name', () => {
    const named = nameGroupsByRequest(manifest, {
      chunkGroups: [
        {name: null, origins: [{request: './a'}]},
        {name: 'not-in-manifest', origins: [{request: './b'}]},
        {name: '522e9bea', origins: [{request: 'main'}]},
      ],
    });
    expect(named.origins).not.toHaveProperty('./a');
    expect(named.origins).not.toHaveProperty('./b');
    expect(named.origins.main).toEqual([1, 'main']);
  });

  it('gives a group whose own chunk was emptied into a shared one the chunks it holds, those with files', () => {
    const named = nameGroupsByRequest(manifest, {
      chunkGroups: [
        // The docs' layout components: their own chunks were merged into docs-layout (id 1430).
        {name: 'a94703ab', origins: [{request: '@theme/DocRoot'}], chunks: [{id: 1430}]},
        {name: '5e95c892', origins: [{request: '@theme/DocsRoot'}], chunks: [{id: 1430}, {id: 9999}, {id: null}]},
        {name: 'gone', origins: [{request: './nothing-left'}], chunks: [{id: 9999}]},
      ],
    });
    expect(named.origins['@theme/DocRoot']).toEqual([1430]);
    // A chunk the manifest has no files for (9999) is left out; a group with none left is skipped.
    expect(named.origins['@theme/DocsRoot']).toEqual([1430]);
    expect(named.origins).not.toHaveProperty('./nothing-left');
  });

  it("keeps a group's manifest entry under its name over the chunks it holds", () => {
    const named = nameGroupsByRequest(manifest, {
      chunkGroups: [{name: '17896441', origins: [{request: '@theme/DocItem'}], chunks: [{id: 1430}]}],
    });
    expect(named.origins['@theme/DocItem']).toEqual([106]);
  });
});
