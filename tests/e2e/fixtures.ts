import {test as base, expect, type Page} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {XMLParser} from 'fast-xml-parser';
import {recordPageDiagnostics} from './page-diagnostics';
import {LAID_OUT_IN_FULL_ATTRIBUTE, LAYOUT_IN_FULL_DELAY_MS} from '../../src/components/ServedText/lay-out-in-full';

/**
 * Console errors and uncaught page errors seen while a test ran; and, for a test that fails, what
 * its pages said and fetched (page-diagnostics.ts), attached to the report.
 */
export const test = base.extend<{consoleErrors: string[]; pageDiagnostics: void}>({
  pageDiagnostics: [
    async ({context}, use, testInfo) => {
      const diagnostics = recordPageDiagnostics(context);
      await use();
      await diagnostics.report(testInfo);
    },
    {auto: true},
  ],
  consoleErrors: async ({page}, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(errors);
  },
});
export {expect};

/** What `atFirstPaint`'s `read` returned, in the page: `(window as FirstPaint<T>).atFirstPaint`. */
export type FirstPaint<T> = Window & {atFirstPaint: T};

/**
 * Runs `read` in every page the test opens, at its first contentful paint: the page as served, with
 * its style sheet, before any of its scripts (they are only asked for after that paint:
 * src/ssr-template.ts), and keeps what it returns as `window.atFirstPaint`. `read` runs in the
 * page, so it may use only what it defines itself.
 */
export async function atFirstPaint(page: Page, read: () => unknown): Promise<void> {
  await page.addInitScript(`new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    window.atFirstPaint = (${read.toString()})();
  }).observe({type: 'paint', buffered: true});`);
}

export async function gotoHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
}

/**
 * Waits until a served text is laid out in full, as it is a few seconds after the page loads
 * (LAYOUT_IN_FULL_DELAY_MS, src/components/ServedText/lay-out-in-full.ts); a slow machine makes
 * more slices, so the wait allows for several times what it takes here.
 */
export async function textLaidOutInFull(page: Page): Promise<void> {
  await expect(page.locator(`[${LAID_OUT_IN_FULL_ATTRIBUTE}]`)).toBeAttached({timeout: LAYOUT_IN_FULL_DELAY_MS + 30_000});
}

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(' | ')}`,
  );
}

/** Paths of every page in the built sitemap (read when the suite is defined, one test per page). */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(__dirname, '../../build/sitemap.xml'), 'utf8');
  const parsed = new XMLParser({isArray: (name) => name === 'url'}).parse(xml) as {urlset: {url: {loc: string}[]}};
  return parsed.urlset.url.map((entry) => new URL(entry.loc).pathname);
}
