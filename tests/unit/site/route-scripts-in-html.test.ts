import {describe, expect, it} from 'vitest';
import {nameGroupsByRequest} from '../../../src/plugins/route-scripts-in-html';

describe('naming chunk groups by their import requests', () => {
  const manifest = {
    entrypoints: ['main'],
    origins: {main: [1, 'main'], '522e9bea': [4238, 522], '17896441': [106]},
    assets: {},
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
    expect(named).toMatchObject({entrypoints: ['main'], assets: {}});
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
});
