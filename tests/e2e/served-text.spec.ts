import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';

// The troubleshooting catalogue is served text (src/plugins/served-text.ts): the browser gets its
// text as HTML, never as code, and still gives it what code would: "Copy link" buttons, links that
// move within the site, and links from other pages that land on an entry.

const CATALOGUE = '/docs/troubleshooting';

/** Every script body the page runs, as fetched. */
function collectScripts(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') bodies.push(await response.text().catch(() => ''));
  });
  return bodies;
}

/** A long run of plain text from each of the first paragraphs after the given entries' headings. */
async function entryProse(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate((entryIds) => {
    return entryIds.map((id) => {
      let element = document.getElementById(id)?.nextElementSibling;
      while (element && element.tagName !== 'P') element = element.nextElementSibling;
      const runs = Array.from(element?.childNodes ?? [])
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '');
      return runs.sort((a, b) => b.length - a.length)[0] ?? '';
    });
  }, ids);
}

async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as {sameDocument: boolean}).sameDocument = true));
}

async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as {sameDocument?: boolean}).sameDocument === true);
}

test('a first visit runs none of the catalogue text as code, and the text still has its buttons and site links', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({permissions: ['clipboard-read', 'clipboard-write'], baseURL});
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const scripts = collectScripts(page);
  await gotoHydrated(page, CATALOGUE);
  await page.waitForLoadState('networkidle');

  const prose = await entryProse(page, ['qbwc1039', 'qbwc1041', 'msg-tls', 'hresult-0x80040408']);
  for (const run of prose) expect(run.length, `a long run of text: "${run}"`).toBeGreaterThan(30);
  expect(scripts.length, 'the page ran its scripts').toBeGreaterThan(3);
  for (const run of prose) {
    const escaped = JSON.stringify(run).slice(1, -1);
    expect(
      scripts.some((body) => body.includes(run) || body.includes(escaped)),
      `"${run}" is in no script`,
    ).toBe(false);
  }

  // Each h2 and h3 with an id has its "Copy link" button, which copies the entry's address.
  const headings = await page.locator('.theme-doc-markdown :is(h2, h3)[id]').count();
  expect(headings).toBeGreaterThan(50);
  await expect(page.getByRole('button', {name: /^Copy link to /})).toHaveCount(headings);
  await page.getByRole('button', {name: /^Copy link to QBWC1039/}).click();
  await expect(page.getByText('Link copied').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${CATALOGUE}#qbwc1039`);

  // A link to another guide moves within the site, and Back returns to the catalogue, text and all.
  await markDocument(page);
  await page.locator('.theme-doc-markdown a[href="/docs/reauthorize"]').first().click();
  await expect(page).toHaveURL(/\/docs\/reauthorize$/);
  await expect(page.getByRole('heading', {level: 1})).toContainText(/reauthoriz/i);
  expect(await sameDocument(page), 'drawn by the site, not loaded anew').toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${CATALOGUE}$`));
  await expect(page.locator('[id="qbwc1039"]')).toHaveCount(1);
  await expect(page.getByRole('button', {name: /^Copy link to /})).toHaveCount(headings);
  expect(await sameDocument(page)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test('a link from another page fetches the catalogue text and lands on its entry, with no error and no axe violation', async ({
  page,
  consoleErrors,
}) => {
  await gotoHydrated(page, '/docs/reauthorize');
  await markDocument(page);
  await page.locator('article a[href="/docs/troubleshooting#msg-invalid-password"]').first().click();
  await expect(page).toHaveURL(/\/docs\/troubleshooting#msg-invalid-password$/);
  const entry = page.locator('[id="msg-invalid-password"]');
  await expect(entry).toBeInViewport();
  const navbar = await page.getByRole('navigation', {name: 'Main'}).boundingBox();
  await expect
    .poll(async () => ((await entry.boundingBox())?.y ?? 0) - ((navbar?.y ?? 0) + (navbar?.height ?? 0)), {
      message: 'the entry sits just under the navbar',
    })
    .toBeLessThan(40);
  expect(await sameDocument(page), 'drawn by the site, not loaded anew').toBe(true);
  await expect(page.getByRole('button', {name: /^Copy link to /}).first()).toBeVisible();
  // The sidebar and the table of contents are the catalogue's.
  await expect(page.locator('.table-of-contents a[href="#qbwc1039"]').first()).toBeAttached();
  expect(await axeViolations(page)).toEqual([]);

  await page.goBack();
  await expect(page).toHaveURL(/\/docs\/reauthorize$/);
  await page.goForward();
  await expect(page.locator('[id="msg-invalid-password"]')).toBeAttached();
  expect(consoleErrors).toEqual([]);
});

test('when the catalogue text cannot be fetched, the page says so and loading the page again works', async ({page}) => {
  await gotoHydrated(page, '/docs/reauthorize');
  // The catalogue's HTML fails only when fetched by the page's code; loading the page itself works.
  await page.route('**/docs/troubleshooting', (route) =>
    route.request().resourceType() === 'fetch' ? route.fulfill({status: 503, body: 'busy'}) : route.fallback(),
  );
  await markDocument(page);
  await page.locator('article a[href="/docs/troubleshooting#msg-invalid-password"]').first().click();
  const alert = page.getByRole('alert').filter({hasText: 'could not be loaded'});
  await expect(alert).toBeVisible();
  await alert.getByRole('link', {name: 'Load the page again'}).click();
  await expect(page.getByRole('heading', {level: 1, name: 'Troubleshooting the Web Connector'})).toBeVisible();
  await expect(page.locator('[id="qbwc1039"]')).toHaveCount(1);
  expect(await sameDocument(page), 'the page was loaded anew').toBe(false);
});

test('pointing at a link to the catalogue fetches its text, so the click needs no further fetch', async ({
  page,
  consoleErrors,
}) => {
  await gotoHydrated(page, '/docs/reauthorize');
  const link = page.locator('article a[href="/docs/troubleshooting#msg-invalid-password"]').first();
  const fetched = page.waitForResponse(
    (response) => response.url().endsWith('/docs/troubleshooting') && response.request().resourceType() === 'fetch',
  );
  await link.hover();
  expect((await fetched).ok()).toBe(true);
  // From now on the catalogue's HTML cannot be fetched: the text must come from what was fetched.
  await page.route('**/docs/troubleshooting', (route) =>
    route.request().resourceType() === 'fetch' ? route.abort() : route.fallback(),
  );
  await markDocument(page);
  await link.click();
  await expect(page.locator('[id="msg-invalid-password"]')).toBeInViewport();
  await expect(page.getByRole('alert').filter({hasText: 'could not be loaded'})).toHaveCount(0);
  expect(await sameDocument(page)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('going back to the catalogue draws its text at once, where the reader left it', async ({page, consoleErrors}) => {
  await gotoHydrated(page, CATALOGUE);
  // A link to another guide far down the page, brought into view, so that following it scrolls nothing first.
  const marked = await page.evaluate(() => {
    const link = Array.from(document.querySelectorAll<HTMLAnchorElement>('.theme-doc-markdown a[href^="/docs/"]')).find(
      (a) => !a.pathname.startsWith('/docs/troubleshooting') && a.getBoundingClientRect().top + window.scrollY > 3_000,
    );
    link?.setAttribute('data-test-link', '');
    link?.scrollIntoView({block: 'center'});
    return link?.pathname ?? null;
  });
  expect(marked, 'a link to another guide far down the page').not.toBeNull();
  const left = await page.evaluate(() => window.scrollY);
  expect(left).toBeGreaterThan(2_000);
  const topBefore = await page.evaluate(() => document.querySelector('[data-test-link]')?.getBoundingClientRect().top ?? NaN);
  await markDocument(page);
  await page.locator('[data-test-link]').click();
  await expect(page).toHaveURL(new RegExp(`${marked ?? ''}$`));
  // Watch for a loading note from here on: none may stand in for the text, even for a frame.
  await page.evaluate(() => {
    const seen = window as unknown as {sawLoading: boolean};
    seen.sawLoading = false;
    new MutationObserver(() => {
      if (document.body.textContent?.includes('Loading this page')) seen.sawLoading = true;
    }).observe(document.body, {childList: true, subtree: true});
  });
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${CATALOGUE}$`));
  await expect(page.locator('.theme-doc-markdown [id="qbwc1041"]')).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as {sawLoading: boolean}).sawLoading)).toBe(false);
  await expect
    .poll(() => page.evaluate(() => window.scrollY), {message: 'the reader is back where they were'})
    .toBeGreaterThan(left - 200);
  // The same text at the same place on the screen, not only the same offset.
  const tops = await page.evaluate(
    (path) =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('.theme-doc-markdown a'))
        .filter((a) => a.pathname === path)
        .map((a) => a.getBoundingClientRect().top),
    marked,
  );
  expect(
    tops.some((top) => Math.abs(top - topBefore) <= 2),
    `a link to ${marked ?? ''} at ${topBefore} px, as before: ${tops.join(', ')}`,
  ).toBe(true);
  expect(await sameDocument(page)).toBe(true);
  expect(consoleErrors).toEqual([]);
});
