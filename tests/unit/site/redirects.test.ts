import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {movedAnchorTarget, movedAnchors, pageRedirects, type MovedAnchor} from '../../../src/redirects';
import {supportAnchors} from '../../../src/qbwc/troubleshooting';

const root = join(__dirname, '../../..');
const docExists = (path: string) =>
  [`${path}.mdx`, `${path}.md`, `${path}/index.mdx`].some((file) => existsSync(join(root, file.replace(/^\/docs/, 'docs'))));

describe('page redirects', () => {
  it('lead from addresses without a page to pages that exist', () => {
    for (const {from, to} of pageRedirects) {
      expect(docExists(from), `${from} must not be a page itself`).toBe(false);
      expect(docExists(to), `${to} must be a page`).toBe(true);
    }
  });
});

describe('movedAnchorTarget', () => {
  const moved: MovedAnchor[] = [
    {path: '/docs/troubleshooting', from: 'old-id', to: 'new-id'},
    {path: '/docs/troubleshooting', from: 'gone-elsewhere', to: '/docs/reauthorize#steps'},
  ];

  it('sends an old id to its new place on the same page or another page', () => {
    expect(movedAnchorTarget('/docs/troubleshooting', 'old-id', moved)).toBe('/docs/troubleshooting#new-id');
    expect(movedAnchorTarget('/docs/troubleshooting/', 'old-id', moved)).toBe('/docs/troubleshooting#new-id');
    expect(movedAnchorTarget('/docs/troubleshooting', 'gone-elsewhere', moved)).toBe('/docs/reauthorize#steps');
  });

  it('leaves anchors that did not move alone', () => {
    expect(movedAnchorTarget('/docs/troubleshooting', 'qbwc1039', moved)).toBeUndefined();
    expect(movedAnchorTarget('/docs/reauthorize', 'old-id', moved)).toBeUndefined();
  });

  it('never moves an anchor that is still published', () => {
    const published = new Set(supportAnchors.map((a) => `${a.path}#${a.id}`));
    expect(movedAnchors.filter((entry) => published.has(`${entry.path}#${entry.from}`))).toEqual([]);
  });
});
