import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test, expect} from './fixtures';
import {baseURL} from './playwright.config';
import {pageAssets} from '../../scripts/perf/page-assets.cjs';

interface Budgets {
  pages: Record<string, {jsKB: number; cssKB: number}>;
}

const root = join(__dirname, '../..');
const budgets = JSON.parse(readFileSync(join(root, 'perf-budgets.json'), 'utf8')) as Budgets;
const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

// Bytes, not timings: which files a page loads and their sizes in build/ are the same on every run.
for (const [path, budget] of Object.entries(budgets.pages)) {
  test(`page ${path} runs at most ${budget.jsKB} kB of JS and ${budget.cssKB} kB of CSS`, async ({browser}) => {
    const {js, css, files} = await pageAssets(browser, baseURL, path, join(root, 'build'));
    const listing = files.map((f) => `${f.url} ${kB(f.bytes)} kB`).join('\n');
    expect(files.length, `no script or style sheet seen on ${path}`).toBeGreaterThan(0);
    expect(kB(js), `JS of ${path} (kB) past its budget in perf-budgets.json; files:\n${listing}`).toBeLessThanOrEqual(
      budget.jsKB,
    );
    expect(kB(css), `CSS of ${path} (kB) past its budget in perf-budgets.json; files:\n${listing}`).toBeLessThanOrEqual(
      budget.cssKB,
    );
  });
}
