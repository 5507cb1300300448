// npm run perf: page weight of the production build, measured in Chromium.
// For every page in the sitemap it loads the page as a first-time visitor and sums what was
// transferred (compressed, as served by `npm run serve`) and decoded, by type, and times the load.
import {spawn} from 'node:child_process';
import {readFileSync, existsSync} from 'node:fs';
import {chromium} from '@playwright/test';
import {XMLParser} from 'fast-xml-parser';
import {CHROMIUM_ARGS, findChromium} from './find-chromium.cjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: install one with "sudo apt-get install -y chromium" or set CHROME_PATH.');
  process.exit(1);
}
if (!existsSync('build/sitemap.xml')) {
  console.error('No production build found: run "npm run build" first.');
  process.exit(1);
}

const port = 4300 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
  env: {...process.env, PORT: String(port), HOST: '127.0.0.1'},
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => String(d).includes('Serving') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
// Whatever happens below, the server must not outlive this script.
process.on('exit', () => server.kill());

const sitemap = new XMLParser({isArray: (n) => n === 'url'}).parse(readFileSync('build/sitemap.xml', 'utf8'));
const paths = sitemap.urlset.url.map((u) => new URL(u.loc).pathname);

const browser = await chromium.launch({executablePath, args: CHROMIUM_ARGS});

const rows = [];
for (const path of paths) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const sizes = new Map();
  cdp.on('Network.responseReceived', (e) => sizes.set(e.requestId, {type: e.type, url: e.response.url}));
  cdp.on('Network.loadingFinished', (e) => {
    const entry = sizes.get(e.requestId);
    if (entry) entry.encoded = e.encodedDataLength;
  });
  const started = Date.now();
  await page.goto(base + path, {waitUntil: 'load'});
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  const hydratedMs = Date.now() - started;
  // Lazily loaded widgets arrive after hydration; pages that poll the endpoint never go idle, so
  // the wait for quiet is bounded.
  await page.waitForLoadState('networkidle', {timeout: 5000}).catch(() => {});
  const nav = await page.evaluate(() => {
    const [n] = performance.getEntriesByType('navigation');
    return {dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd)};
  });
  const sum = (type) => [...sizes.values()].filter((s) => s.type === type).reduce((a, s) => a + (s.encoded ?? 0), 0);
  rows.push({
    path,
    js: sum('Script'),
    css: sum('Stylesheet'),
    html: sum('Document'),
    other: [...sizes.values()]
      .filter((s) => !['Script', 'Stylesheet', 'Document'].includes(s.type))
      .reduce((a, s) => a + (s.encoded ?? 0), 0),
    requests: sizes.size,
    ...nav,
    hydratedMs,
  });
  await context.close();
}
await browser.close();

const lighthouseRows = await runLighthouse(
  ['/', '/docs/setup/configure-connector', '/docs/troubleshooting', '/docs/tools/qwc-generator', '/connect'].filter(
    (p) => p === '/' || paths.includes(p) || p === '/connect',
  ),
);
server.kill();

const kb = (n) => (n / 1024).toFixed(1);
console.log(`Page weight of the production build (transferred bytes, gzip as served by npm run serve), ${paths.length} pages\n`);
printTable(
  [
    ['page', 52],
    ['JS kB', 8],
    ['CSS kB', 8],
    ['HTML kB', 9],
    ['other kB', 10],
    ['reqs', 6],
    ['DCL ms', 8],
    ['load ms', 9],
    ['hydr ms', 9],
  ],
  rows.map((r) => [r.path, kb(r.js), kb(r.css), kb(r.html), kb(r.other), r.requests, r.dcl, r.load, r.hydratedMs]),
);
const group = (pred) => rows.filter((r) => pred(r.path));
const avg = (list, key) => (list.length ? list.reduce((a, r) => a + r[key], 0) / list.length : 0);
const guides = group((p) => p.startsWith('/docs') && !p.startsWith('/docs/tools'));
const tools = group((p) => p.startsWith('/docs/tools') || p === '/connect');
console.log(
  `\nmean JS per guide page: ${kb(avg(guides, 'js'))} kB over ${guides.length} pages; per tool page: ${kb(avg(tools, 'js'))} kB over ${tools.length} pages`,
);
console.log(`heaviest page: ${rows.reduce((a, r) => (r.js + r.css + r.html > a.js + a.css + a.html ? r : a)).path}`);

if (lighthouseRows.length) {
  console.log('\nLighthouse (mobile emulation, simulated throttling), scores out of 100');
  printTable(
    [
      ['page', 40],
      ['perf', 6],
      ['a11y', 6],
      ['best', 6],
      ['seo', 6],
      ['FCP ms', 8],
      ['LCP ms', 8],
      ['TBT ms', 8],
      ['CLS', 7],
    ],
    lighthouseRows.map((r) => [r.path, r.perf, r.a11y, r.best, r.seo, r.fcp, r.lcp, r.tbt, r.cls]),
  );
}

/** Prints a header and rows; the first column is left-aligned, the others right-aligned. */
function printTable(columns, cells) {
  const line = (values) =>
    values.map((v, i) => (i === 0 ? String(v).padEnd(columns[i][1]) : String(v).padStart(columns[i][1]))).join('');
  console.log(line(columns.map(([title]) => title)));
  for (const row of cells) console.log(line(row));
}

async function runLighthouse(lhPaths) {
  const [{default: lighthouse}, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const out = [];
  try {
    for (const path of lhPaths) {
      const result = await lighthouse(base + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const {categories, audits} = result.lhr;
      const score = (c) => Math.round((categories[c]?.score ?? 0) * 100);
      const num = (a) => Math.round(audits[a]?.numericValue ?? 0);
      out.push({
        path,
        perf: score('performance'),
        a11y: score('accessibility'),
        best: score('best-practices'),
        seo: score('seo'),
        fcp: num('first-contentful-paint'),
        lcp: num('largest-contentful-paint'),
        tbt: num('total-blocking-time'),
        cls: (audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
      });
    }
  } catch (error) {
    console.error(`Lighthouse could not run: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await chrome.kill();
  }
  return out;
}
