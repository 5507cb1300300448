// Which JavaScript and CSS files a page of the production build loads, and their uncompressed size.
// The page is opened in Chromium as a first visit; widgets that load after hydration are counted
// too (the wait for them is bounded, since some pages poll the endpoint and never go quiet). Sizes
// are read from the files in the build folder, so the figures are the same on every run.
// CommonJS so that both the ESM perf script and the Playwright budget test can load it.
const {statSync} = require('node:fs');
const {join} = require('node:path');

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} base origin serving the build, e.g. http://127.0.0.1:4173
 * @param {string} path page path
 * @param {string} buildDir folder the files are served from
 * @returns {Promise<{js: number, css: number, files: {url: string, type: 'js' | 'css', bytes: number}[]}>}
 */
async function pageAssets(browser, base, path, buildDir) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = new Set();
  page.on('request', (request) => {
    // Scripts and style sheets the page runs; prefetches of other pages' chunks (type "other") are not.
    const url = new URL(request.url());
    const type = request.resourceType();
    if (url.origin === new URL(base).origin && (type === 'script' || type === 'stylesheet')) seen.add(url.pathname);
  });
  try {
    await page.goto(base + path, {waitUntil: 'load'});
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await page.waitForLoadState('networkidle', {timeout: 5000}).catch(() => {});
  } finally {
    await context.close();
  }
  const files = [...seen].sort().map((pathname) => ({
    url: pathname,
    type: pathname.endsWith('.css') ? 'css' : 'js',
    bytes: statSync(join(buildDir, decodeURIComponent(pathname))).size,
  }));
  const sum = (type) => files.filter((f) => f.type === type).reduce((a, f) => a + f.bytes, 0);
  return {js: sum('js'), css: sum('css'), files};
}

module.exports = {pageAssets};
