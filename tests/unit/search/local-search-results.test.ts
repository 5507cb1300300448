import {describe, expect, it} from 'vitest';
import {onePerSection} from '../../../src/client/local-search-results';

describe('onePerSection', () => {
  it('keeps the first result for each page and anchor, in order', () => {
    const results = [
      {document: {u: '/docs/troubleshooting', h: '#qbwc1048'}, kind: 'heading'},
      {document: {u: '/docs/reference/qwc-file', h: '#certurl'}, kind: 'text'},
      {document: {u: '/docs/troubleshooting', h: '#qbwc1048'}, kind: 'text'},
      {document: {u: '/docs/troubleshooting', h: '#index'}, kind: 'text'},
    ];
    expect(onePerSection(results).map((r) => `${r.document.u}${r.document.h} ${r.kind}`)).toEqual([
      '/docs/troubleshooting#qbwc1048 heading',
      '/docs/reference/qwc-file#certurl text',
      '/docs/troubleshooting#index text',
    ]);
  });

  it('counts a page without an anchor and with an empty one as the same place', () => {
    const results = [
      {document: {u: '/updates/connector-certificate-expiry'}},
      {document: {u: '/updates/connector-certificate-expiry', h: ''}},
    ];
    expect(onePerSection(results)).toHaveLength(1);
  });
});
