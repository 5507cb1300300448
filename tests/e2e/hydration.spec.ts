import type {Page} from '@playwright/test';
import {test, expect, atFirstPaint, gotoHydrated, type FirstPaint} from './fixtures';
import {baseURL} from './playwright.config';
import {PART_TURN_MEASURE, type PartTurnDetail} from '../../src/components/kit/deferred-hydration';
import {FRAMEWORK_CHUNK} from '../../src/plugins/script-groups';

// The browser bundle runs on preact/compat (src/plugins/preact-client). These check what that
// runtime must keep: served code blocks stay highlighted while their code loads, pages with code
// and widgets take over their HTML without an error, load after load, and the served "not found"
// page is drawn anew.

test('served code blocks stay highlighted while their code loads, and keep their place', async ({page, consoleErrors}) => {
  // Watch the code blocks from the first byte: after every change to the page, each served block
  // must still be there, highlighted, at the same height on the page.
  // The baseline is taken at the first paint, the style sheet in and no script run yet.
  await atFirstPaint(page, () => {
    const record = {served: 0, tops: [] as number[], problems: [] as string[], changes: 0};
    const blocks = () => Array.from(document.querySelectorAll('.theme-code-block'));
    const check = () => {
      const now = blocks();
      if (now.length !== record.served) record.problems.push(`${now.length} blocks instead of ${record.served}`);
      now.forEach((block, index) => {
        if (!block.querySelector('.token')) record.problems.push(`block ${index} without highlighting`);
        const top = Math.round(block.getBoundingClientRect().top + window.scrollY);
        if (top !== record.tops[index]) record.problems.push(`block ${index} moved from ${record.tops[index]} to ${top}`);
      });
    };
    record.served = blocks().length;
    record.tops = blocks().map((block) => Math.round(block.getBoundingClientRect().top + window.scrollY));
    new MutationObserver(() => {
      record.changes += 1;
      check();
    }).observe(document.body, {childList: true, subtree: true});
    return record;
  });
  await gotoHydrated(page, '/docs/reference/web-connector-protocol');
  // The highlighting code has arrived once a block has been drawn anew by it.
  await page.waitForLoadState('networkidle');
  const record = await page.evaluate(
    () => (window as unknown as FirstPaint<{served: number; problems: string[]; changes: number}>).atFirstPaint,
  );
  expect(record.served, 'the served page holds highlighted code blocks').toBeGreaterThan(3);
  expect(record.changes, 'the page was changed by its code at least once').toBeGreaterThan(0);
  expect(record.problems).toEqual([]);
  // Still the theme's block, with its copy button, once the reader comes near it.
  await page.locator('.theme-code-block').first().scrollIntoViewIfNeeded();
  const copy = page.locator('.theme-code-block').first().getByRole('button', {name: /copy/i});
  await expect(copy).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

// A served code block is already highlighted: its code (the theme's block, Prism) loads only as the
// reader nears it (src/components/kit/useNearScreen.ts). At the foot of the generator's page on a
// phone, it costs the load nothing, and it works once reached.
test('a code block far below the first screen fetches its code as the reader nears it, and its copy button then works', async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL,
    viewport: {width: 412, height: 823},
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await gotoHydrated(page, '/docs/tools/qwc-generator');
  await expect(page.locator('[data-widget-loading]'), 'the generator has replaced its loading line').toHaveCount(0);
  await page.waitForLoadState('networkidle');
  const atLoad = scripts.length;
  const block = page.locator('.theme-code-block').last();
  await expect(block.locator('.token').first(), 'served highlighted').toBeAttached();
  await block.scrollIntoViewIfNeeded();
  await expect.poll(() => scripts.length, {message: 'code fetched as the block came near'}).toBeGreaterThan(atLoad);
  const copy = block.getByRole('button', {name: /copy/i});
  // A tap before the code has arrived does nothing; the reader taps again.
  await expect(async () => {
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('<QwcGenerator />');
  }).toPass();
  await context.close();
});

test('a reader who tabs into a served code block stays in it when its code draws it anew', async ({page, consoleErrors}) => {
  await page.setViewportSize({width: 412, height: 823});
  await gotoHydrated(page, '/docs/tools/qwc-generator');
  await page.waitForLoadState('networkidle');
  const block = page.locator('.theme-code-block').last();
  await expect(block.getByRole('button', {name: /copy/i}), 'not drawn by its code yet').toHaveCount(0);
  await block.locator('pre').focus();
  await expect(block.getByRole('button', {name: /copy/i}), 'drawn by its code once reached').toHaveCount(1);
  await expect(block.locator('pre')).toBeFocused();
  // The next Tab goes on to the block's own buttons (wrap, copy), not back to the top of the page.
  await page.keyboard.press('Tab');
  await expect(block.locator('button:focus'), 'a button of the block').toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

// The crash preact/compat's Suspense once gave came now and then, so each page is opened a few times.
const PAGES_WITH_CODE_AND_WIDGETS = [
  '/docs/tools/qwc-generator',
  '/docs/tools/password-check',
  '/docs/tools/connection-check',
  '/docs/tools/log-reader',
  '/docs/reference/test-endpoint',
];

for (const path of PAGES_WITH_CODE_AND_WIDGETS) {
  test(`${path} takes over its HTML and draws its parts without an error, five loads in a row`, async ({page, consoleErrors}) => {
    for (let load = 0; load < 5; load += 1) {
      await gotoHydrated(page, path);
      await expect(page.locator('[data-widget-loading]'), 'every widget has replaced its loading line').toHaveCount(0);
      await expect(page.locator('h1')).toHaveCount(1);
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('a page reached by a link draws its code blocks plainly, then highlighted', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/docs/reference/qwc-file');
  await page.locator('main a[href*="/web-connector-protocol"]').first().click();
  await expect(page).toHaveURL(/web-connector-protocol/);
  await expect(page.locator('h1')).toContainText(/protocol/i);
  await expect(page.locator('.theme-code-block .token').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the served "not found" page is drawn anew, under /docs and elsewhere', async ({page, consoleErrors}) => {
  for (const path of ['/docs/no-such-guide', '/no-such-page']) {
    await gotoHydrated(page, path);
    await expect(page.getByRole('heading', {level: 1})).toHaveText('We could not find that page');
    await expect(page.getByRole('searchbox', {name: /search for an error code/i})).toBeVisible();
    // The common errors come from the catalogue, drawn once its code is in.
    await expect(page.getByRole('link', {name: /QBWC1039/}).first()).toBeVisible();
  }
  // The browser reports the page's own 404 status as a console error; nothing else may be there.
  expect(consoleErrors.filter((error) => !/status of 404/.test(error))).toEqual([]);
});

// A guide's top-level paragraphs, lists and tables hydrate after the page, a slice at a time
// (src/plugins/deferred-blocks.ts); the catalogue's text is served text, which the browser keeps as
// served and never draws anew (src/plugins/served-text.ts). Either way the reader must not be able to tell.
for (const {path, least} of [
  {path: '/docs/setup/configure-connector', least: 10},
  {path: '/docs/troubleshooting', least: 100},
]) {
  test(`${path} keeps its served text, every block the same element, as the page hydrates`, async ({page, consoleErrors}) => {
    await atFirstPaint(page, () => {
      const blocks = Array.from(document.querySelectorAll('.markdown > p, .markdown > ul, .markdown > ol, .markdown > table'));
      const texts = blocks.map((block) => block.textContent ?? '');
      return {blocks, texts};
    });
    await gotoHydrated(page, path);
    await page.waitForLoadState('networkidle');
    const result = await page.evaluate(() => {
      const {blocks, texts} = (window as unknown as FirstPaint<{blocks: Element[]; texts: string[]}>).atFirstPaint;
      return {
        served: blocks.length,
        replaced: blocks.filter((block) => !block.isConnected).length,
        changedText: blocks.filter((block, index) => block.textContent !== texts[index]).length,
      };
    });
    expect(result.served, `the served page has at least ${least} blocks`).toBeGreaterThanOrEqual(least);
    expect(result, 'every served block is the same element with the same text').toEqual({
      served: result.served,
      replaced: 0,
      changedText: 0,
    });
    expect(consoleErrors).toEqual([]);
  });
}

test("the catalogue's index links move within it", async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/docs/troubleshooting');
  await page.getByRole('table', {name: 'Error codes, in number order'}).getByRole('link', {name: 'QBWC1039'}).click();
  await expect(page).toHaveURL(/#qbwc1039$/);
  await expect(page.locator('[id="qbwc1039"]')).toBeInViewport();
  expect(consoleErrors).toEqual([]);
});

test("a link in the catalogue's text works the moment the page has hydrated, as a link within the site", async ({
  page,
  consoleErrors,
}) => {
  const cdp = await page.context().newCDPSession(page);
  // A slow phone: the blocks are still waiting for their turn when the reader clicks.
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 6});
  await gotoHydrated(page, '/docs/troubleshooting');
  await page.evaluate(() => {
    (window as unknown as {samePage: boolean}).samePage = true;
  });
  // A page without an opener policy of its own: a link to one with it loads it whole (isolation.spec.ts).
  const link = page.locator('.markdown > p a[href="/docs/tools/qwc-generator"]').last();
  // From the keyboard: a pointer aimed this far down can miss while the blocks around the link are
  // still being drawn at their real heights (the known limit in the README, "Known limit"); Enter
  // reaches the link wherever it has moved to, and still goes through its click handler.
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/docs\/tools\/qwc-generator$/);
  await expect(page.getByRole('heading', {level: 1})).toContainText(/\.qwc/i);
  // Drawn by the site's router, not loaded anew.
  expect(await page.evaluate(() => (window as unknown as {samePage?: boolean}).samePage)).toBe(true);
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 1});
  expect(consoleErrors).toEqual([]);
});

test('a page whose route code cannot be fetched stays as served: readable, its links loading whole pages', async ({page}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
  // The entry's three scripts arrive; every chunk of the page's routes fails.
  const routeChunk = new RegExp(`/assets/js/(?!runtime~main\\.|${FRAMEWORK_CHUNK}\\.|main\\.)[^/]+\\.js$`);
  await page.route(routeChunk, (route) => route.abort());
  await page.goto('/docs/setup/configure-connector');
  // The browser logs each refused chunk first; the page's own message follows once all have failed.
  await expect
    .poll(() => errors.join('\n'), {message: 'the failure is reported once it happens'})
    .toContain('The page could not load its code; it stays as served.');
  expect(errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'false');
  await expect(page.getByRole('heading', {level: 1, name: 'Configure the Web Connector'})).toBeVisible();
  await expect(page.getByRole('heading', {level: 2, name: 'Download the .qwc file'})).toBeVisible();
  // A link is then an ordinary link: the next page is a new document.
  await page.evaluate(() => ((window as unknown as {sameDocument: boolean}).sameDocument = true));
  await page
    .getByRole('link', {name: /Authenticate the Web Connector/})
    .last()
    .click();
  await expect(page).toHaveURL(/\/docs\/setup\/authenticate-connector$/);
  await expect(page.getByRole('heading', {level: 1, name: 'Authenticate the Web Connector'})).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as {sameDocument?: boolean}).sameDocument)).toBeUndefined();
});

test('a navbar link clicked the moment a slow desktop has hydrated the page moves within the site', async ({
  page,
  consoleErrors,
}) => {
  const cdp = await page.context().newCDPSession(page);
  // The navbar, and each of its links within it, hydrate on turns of their own; at 6x the click comes first.
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 6});
  await gotoHydrated(page, '/docs/setup/configure-connector');
  await page.evaluate(() => {
    (window as unknown as {samePage: boolean}).samePage = true;
  });
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Troubleshooting', exact: true}).click();
  await expect(page).toHaveURL(/\/docs\/troubleshooting$/);
  await expect(page.getByRole('heading', {level: 1})).toHaveText(/Troubleshooting/);
  expect(await page.evaluate(() => (window as unknown as {samePage?: boolean}).samePage)).toBe(true);
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 1});
  expect(consoleErrors).toEqual([]);
});

test("the navbar's menu, colour toggle and search answer the moment a slow phone has hydrated the page", async ({browser}) => {
  const context = await browser.newContext({viewport: {width: 390, height: 800}, isMobile: true, hasTouch: true});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const cdp = await context.newCDPSession(page);
  // The navbar hydrates on its own turn after the page; at 6x the reader gets there first.
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 6});
  await gotoHydrated(page, '/docs/setup/configure-connector');
  const menu = page.getByRole('button', {name: /toggle navigation bar/i});
  await menu.tap();
  const sidebar = page.locator('.navbar-sidebar');
  await expect(sidebar.getByRole('link', {name: 'Troubleshooting'})).toBeVisible();
  // On a phone the colour toggle sits in the opened menu.
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'system');
  await sidebar.getByRole('button', {name: /switch between dark and light mode/i}).tap();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme-choice', 'system');
  await sidebar.getByRole('button', {name: /close navigation bar/i}).tap();
  await expect(sidebar.getByRole('link', {name: 'Troubleshooting'})).toBeHidden();

  await gotoHydrated(page, '/docs/setup/configure-connector');
  await page
    .getByPlaceholder(/search/i)
    .first()
    .focus();
  const box = page.getByRole('combobox', {name: /search/i});
  await box.fill('QBWC1039');
  await expect(
    page
      .getByRole('option')
      .filter({hasText: /QBWC1039/i})
      .first(),
  ).toBeVisible();
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 1});
  expect(errors).toEqual([]);
  await context.close();
});

test("hydrating leaves the served head as it was, and a link to another page writes that page's head", async ({
  page,
  consoleErrors,
}) => {
  type Head = {title: string; htmlClass: string; tags: string[]; data: unknown[]};
  // What the head says: its title, the html element's classes, its meta and link tags, and its
  // structured data as data (the browser's head manager writes the JSON in another key order).
  const readHead = (): Head => ({
    title: document.title,
    htmlClass: document.documentElement.className,
    tags: Array.from(document.head.querySelectorAll('meta[data-rh], link[data-rh]'), (tag) => tag.outerHTML),
    data: Array.from(document.head.querySelectorAll('script[type="application/ld+json"]'), (script) =>
      JSON.parse(script.textContent ?? ''),
    ),
  });
  // The head as served.
  await atFirstPaint(page, readHead);
  const headNow = (): Promise<Head> => page.evaluate(readHead);
  await gotoHydrated(page, '/docs/setup/configure-connector');
  const served = await page.evaluate(() => (window as unknown as FirstPaint<Head>).atFirstPaint);
  expect(served.title).toMatch(/^Configure the Web Connector/);
  expect(served.tags.filter((tag) => tag.includes('rel="canonical"'))).toHaveLength(1);
  expect(served.data).toHaveLength(1);
  // The page's Heads have written the head by the time it says so: `data-has-hydrated` is theirs.
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  expect(await headNow()).toEqual(served);

  await page
    .getByRole('link', {name: /Authenticate the Web Connector/})
    .last()
    .click();
  await expect(page).toHaveTitle(/^Authenticate the Web Connector/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/docs\/setup\/authenticate-connector$/);
  await expect(page.locator('html')).toHaveClass(/docs-doc-id-setup\/authenticate-connector/);
  const next = await headNow();
  expect(next.tags.filter((tag) => tag.includes('rel="canonical"'))).toHaveLength(1);
  const description = next.tags.filter((tag) => tag.includes('name="description"'));
  expect(description).toHaveLength(1);
  expect(served.tags).not.toContain(description[0]);
  await page.goBack();
  await expect(page).toHaveTitle(served.title);
  expect(consoleErrors).toEqual([]);
});

/** The parts the page has hydrated so far, as its deferred hydration records them (PART_TURN_MEASURE). */
async function hydratedParts(page: Page): Promise<string[]> {
  return page.evaluate(
    (name) =>
      performance
        .getEntriesByName(name)
        .map((entry) => (entry as PerformanceMeasure).detail as PartTurnDetail)
        .filter((detail) => detail.step === 'hydrate')
        .map((detail) => detail.part),
    PART_TURN_MEASURE,
  );
}

test('a long page on a phone hydrates the parts near the view, and the rest only as the reader nears or reaches into them', async ({
  browser,
}) => {
  const context = await browser.newContext({viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await gotoHydrated(page, '/docs/tools/qwc-generator');
  // The navbar and the doc's text, at the top, hydrate at load (the text holds the generator, which then loads).
  await expect
    .poll(() => hydratedParts(page))
    .toEqual(expect.arrayContaining(['nav.theme-layout-navbar', 'div.theme-doc-markdown']));
  await expect(page.getByRole('textbox', {name: /app name/i})).toBeVisible();
  await page.waitForTimeout(1000);
  // The table of fields and the footer are screens away: still the served HTML, not hydrated.
  const atLoad = await hydratedParts(page);
  expect(atLoad.filter((part) => part === 'table' || part.startsWith('footer'))).toEqual([]);

  // Scrolled to, the table hydrates; its links then move within the site.
  const fields = page.getByRole('table').filter({hasText: 'AppURL'});
  await fields.scrollIntoViewIfNeeded();
  await expect.poll(() => hydratedParts(page)).toContain('table');
  await page.evaluate(() => {
    (window as unknown as {samePage: boolean}).samePage = true;
  });
  // The footer is not near yet. A click that reaches one of its links with no touch, pointer or
  // focus first (as a screen reader may send it, and without scrolling) draws it on the way, and
  // the link is followed within the site.
  expect((await hydratedParts(page)).filter((part) => part.startsWith('footer'))).toEqual([]);
  await page.locator('footer').getByRole('link', {name: 'Troubleshooting'}).dispatchEvent('click');
  await expect(page).toHaveURL(/\/docs\/troubleshooting$/);
  expect(await page.evaluate(() => (window as unknown as {samePage?: boolean}).samePage)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
