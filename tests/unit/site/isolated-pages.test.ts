import {describe, expect, it} from 'vitest';
import {ISOLATED_PAGES, isIsolatedPage} from '../../../src/isolated-pages';

describe('isIsolatedPage', () => {
  it('knows each listed page however its address is written', () => {
    for (const page of ISOLATED_PAGES) {
      for (const written of [page, `${page}/`, `${page}.html`, `${page}/index.html`])
        expect(isIsolatedPage(written), written).toBe(true);
    }
  });

  it('leaves the reading pages and look-alikes out', () => {
    for (const path of [
      '/',
      '/docs',
      '/docs/troubleshooting',
      '/docs/tools/qwc-generator',
      '/docs/tools',
      '/connector',
      '/docs/tools/password-check-x',
      '',
    ])
      expect(isIsolatedPage(path), path).toBe(false);
  });
});
