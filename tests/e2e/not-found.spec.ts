import {test, expect, gotoHydrated, axeViolations} from './fixtures';
import {commonTroubleshootingEntries, keptAnchors} from '../../src/qbwc/troubleshooting';
import {pageRedirects} from '../../src/redirects';

const MISSING = '/docs/no-such-page-here';

test('an unknown address answers 404 with the help center\'s "not found" page', async ({page, request}) => {
  const response = await request.get(MISSING);
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('text/html');
  expect(await response.text()).toContain('We could not find that page');

  const visit = await page.goto(MISSING);
  expect(visit?.status()).toBe(404);
  await expect(page.getByRole('heading', {level: 1})).toHaveText('We could not find that page');
  await expect(page.getByText('contact the owner')).toHaveCount(0);
  await expect(page.getByRole('link', {name: 'The troubleshooting catalogue'})).toHaveAttribute('href', '/docs/troubleshooting');
  await expect(page.getByRole('link', {name: 'The guides'})).toHaveAttribute('href', '/docs');
});

test('the search box submits to the search page with the query, without JavaScript too', async ({browser, baseURL}) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({baseURL, javaScriptEnabled});
    const page = await context.newPage();
    await page.goto(MISSING);
    const search = page.getByRole('search', {name: 'Search the help center'});
    await search.getByLabel('Search for an error code, a message or a topic').fill('QBWC1039');
    await search.getByRole('button', {name: 'Search'}).click();
    await expect(page).toHaveURL(/\/search\?q=QBWC1039$/);
    if (javaScriptEnabled) {
      // The search page runs the query it was given and lists the entry.
      await expect(page.getByRole('link', {name: /QBWC1039/}).first()).toBeVisible();
    }
    await context.close();
  }
});

test('every common error on the page links to its entry, and the entry is on screen', async ({page}) => {
  await gotoHydrated(page, MISSING);
  const list = page.getByRole('region', {name: 'Common errors'}).getByRole('link');
  await expect(list).toHaveCount(commonTroubleshootingEntries.length);
  for (const [index, entry] of commonTroubleshootingEntries.entries()) {
    await expect(list.nth(index)).toHaveText(entry.title);
    await expect(list.nth(index)).toHaveAttribute('href', `/docs/troubleshooting#${entry.id}`);
  }
  const first = commonTroubleshootingEntries[0]!;
  await list.first().click();
  await expect(page).toHaveURL(new RegExp(`/docs/troubleshooting#${first.id}$`));
  await expect(page.locator(`[id="${first.id}"]`)).toBeInViewport();
});

for (const typed of ['/docs/qbwc1039', '/docs/troubleshooting/QBWC1039']) {
  test(`"${typed}" offers a visible "Did you mean" link to the entry, and does not redirect`, async ({page, consoleErrors}) => {
    const response = await page.goto(typed);
    expect(response?.status()).toBe(404);
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    const suggestion = page.getByText('Did you mean');
    await expect(suggestion).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(typed);
    // No hydration or script error; the browser's own note about the 404 status is expected.
    expect(consoleErrors.filter((text) => !text.includes('status of 404'))).toEqual([]);
    const link = suggestion.getByRole('link');
    await expect(link).toHaveText(/^QBWC1039: /);
    await link.click();
    await expect(page).toHaveURL(/\/docs\/troubleshooting#qbwc1039$/);
    await expect(page.locator('[id="qbwc1039"]')).toBeInViewport();
  });
}

test('old addresses still reach their entry: a redirected page keeps the hash, a kept anchor lands on its entry', async ({
  page,
}) => {
  const redirect = pageRedirects.find((entry) => entry.to === '/docs/troubleshooting');
  expect(redirect).toBeDefined();
  await page.goto(`${redirect!.from}#qbwc1039`);
  await expect(page).toHaveURL(/\/docs\/troubleshooting#qbwc1039$/);
  await expect(page.locator('[id="qbwc1039"]')).toBeInViewport();

  for (const kept of keptAnchors) {
    await page.goto(`${redirect!.from}#${kept.id}`);
    await expect(page).toHaveURL(new RegExp(`/docs/troubleshooting#${kept.id}$`));
    await expect(page.locator(`[id="${kept.id}"]`)).toBeInViewport();
    // The old id is a note just under the heading of the entry it was folded into.
    const heading = await page.locator(`[id="${kept.id}"]`).evaluate((note) => {
      let node = note.previousElementSibling;
      while (node && !/^H[23]$/.test(node.tagName)) node = node.previousElementSibling;
      return node?.id;
    });
    expect(heading).toBe(kept.entryId);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the "not found" page has no axe violations in ${scheme} mode, at 390 px wide too`, async ({browser, baseURL}) => {
    for (const viewport of [
      {width: 1280, height: 800},
      {width: 390, height: 844},
    ]) {
      const context = await browser.newContext({baseURL, viewport, colorScheme: scheme});
      const page = await context.newPage();
      await gotoHydrated(page, '/docs/qbwc1039');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expect(page.getByText('Did you mean')).toBeVisible();
      expect(await axeViolations(page), `${scheme}, ${viewport.width} px`).toEqual([]);
      // Nothing runs off the side of a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expect(page.getByRole('button', {name: 'Search'})).toBeInViewport();
      await context.close();
    }
  });
}

test('words typed into the search box before the page’s code arrives are kept, with the cursor', async ({page}) => {
  // Hold the framework's code back, as a slow phone connection would, while the reader types.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/js/*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(MISSING, {waitUntil: 'domcontentloaded'});
  const box = page
    .getByRole('search', {name: 'Search the help center'})
    .getByLabel('Search for an error code, a message or a topic');
  await box.click();
  await page.keyboard.type('QBWC10');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await page.waitForLoadState('networkidle');
  // The page's code has drawn the content anew: the box still holds the words and the focus.
  await expect(box).toHaveValue('QBWC10');
  await expect(box).toBeFocused();
  await page.keyboard.type('39');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=QBWC1039$/);
});
