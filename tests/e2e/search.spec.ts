import type {Locator, Page} from '@playwright/test';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';
import {canonicalCode, codeSpellings} from '../../src/qbwc/code-spellings';
import {troubleshootingEntries} from '../../src/qbwc/troubleshooting';

/**
 * The navbar search box, once the plugin has loaded the index: until then the input is a plain
 * text box, and it becomes a combobox when the suggestions are wired to the loaded index.
 */
async function openSearch(page: Page): Promise<Locator> {
  await page
    .getByPlaceholder(/search/i)
    .first()
    .focus();
  const box = page.getByRole('combobox', {name: /search/i});
  await expect(box).toBeVisible();
  return box;
}

const entryHeading = (id: string) => troubleshootingEntries.find((e) => e.id === id)!.title;

test('searching "QBWC1039" lands on that entry of the troubleshooting catalogue', async ({page}) => {
  await gotoHydrated(page, '/');
  const box = await openSearch(page);
  await box.fill('QBWC1039');
  const result = page
    .getByRole('option')
    .filter({hasText: /QBWC1039/i})
    .first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/docs\/troubleshooting#qbwc1039$/);
  await expect(page.locator('[id="qbwc1039"]')).toBeInViewport();
});

test('searching by keyboard alone opens the highlighted result', async ({page}) => {
  // Start on a page the results are not on, so landing back here cannot pass for a working search.
  await gotoHydrated(page, '/docs/reauthorize');
  const title = page.getByRole('heading', {level: 1});
  const startTitle = ((await title.textContent()) ?? '').trim();
  const box = page
    .getByRole('combobox', {name: /search/i})
    .or(page.getByPlaceholder(/search/i))
    .first();
  await box.focus();
  await page.keyboard.type('Verify Data');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  const chosen = page.getByRole('option', {selected: true});
  await expect(chosen).toHaveCount(1);
  // Each result names its page ("Guides › … › <page title> › <section>").
  const label = (await chosen.textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/docs\/reauthorize(#.*)?$/);
  // The address changes first; the page follows once its code has loaded.
  await expect(title).not.toHaveText(startTitle);
  expect(label).toContain(((await title.textContent()) ?? '').trim());
});

// What support and users type for a code: the printed form, spaced, hyphenated, run together in
// lower case, or the number alone; an HRESULT with or without 0x.
const typed: readonly {query: string; id: string}[] = [
  {query: 'qbwc 1039', id: 'qbwc1039'},
  {query: 'QBWC-1039', id: 'qbwc1039'},
  {query: 'qbwc1039', id: 'qbwc1039'},
  {query: 'QBWC1039', id: 'qbwc1039'},
  {query: '1039', id: 'qbwc1039'},
  {query: '80040400', id: 'hresult-0x80040400'},
  {query: '0x80040400', id: 'hresult-0x80040400'},
];

for (const {query, id} of typed) {
  test(`typing "${query}" in the search bar suggests ${id} first and opens it`, async ({page}) => {
    // A page the entry is not on, so staying here cannot pass for a working search.
    await gotoHydrated(page, '/docs/reauthorize');
    const box = await openSearch(page);
    await box.pressSequentially(query);
    const first = page.getByRole('option').first();
    await expect(first).toContainText(entryHeading(id));
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/docs/troubleshooting#${id}$`));
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });

  test(`the search page for "${query}" lists ${id} first`, async ({page}) => {
    await gotoHydrated(page, `/search?q=${encodeURIComponent(query)}`);
    await expect(page.getByText(/documents? found/)).toBeVisible();
    await expect(page.locator('article h2 a').first()).toHaveAttribute('href', new RegExp(`/docs/troubleshooting#${id}$`));
  });
}

test('every QBWC and HRESULT code in the catalogue is the first suggestion for its bare number', async ({page}) => {
  await gotoHydrated(page, '/docs/reauthorize');
  const box = await openSearch(page);
  const coded = troubleshootingEntries.flatMap((e) =>
    e.codes.filter((code) => canonicalCode(code) === code).map((code) => ({code, title: e.title})),
  );
  expect(coded.length).toBeGreaterThan(40);
  for (const {code, title} of coded) {
    // The last spelling is the shortest: '1039' for QBWC1039, '80040400' for 0x80040400.
    const bare = codeSpellings(code).at(-1)!;
    await box.fill(bare);
    await expect(page.getByRole('option').first(), `suggestion for "${bare}"`).toContainText(title);
  }
});

for (const query of ['qbwc1048', 'certificate']) {
  test(`the search page for "${query}" lists each page section once`, async ({page}) => {
    await gotoHydrated(page, `/search?q=${query}`);
    await expect(page.getByText(/documents? found/)).toBeVisible();
    const links = page.locator('article h2 a');
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((href) =>
      // The same place, whichever words the link asks the page to highlight.
      href.replace(/\?[^#]*/, ''),
    );
    expect(hrefs.length).toBeGreaterThan(3);
    const repeated = hrefs.filter((href, i) => hrefs.indexOf(href) !== i);
    expect(repeated).toEqual([]);
    if (query === 'qbwc1048') expect(hrefs[0]).toBe('/docs/troubleshooting#qbwc1048');
  });
}

test.describe('on a 390 px phone', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});

  test('suggestions are readable in full and the page title comes back when the box closes', async ({page}) => {
    await gotoHydrated(page, '/docs/reauthorize');
    const title = page.locator('.navbar__inner .navbar__title');
    await expect(title).toBeInViewport({ratio: 1});
    const box = await openSearch(page);
    await box.pressSequentially('QBWC1039');
    const first = page.getByRole('option').first();
    await expect(first).toContainText(entryHeading('qbwc1039'));

    // No text in any suggestion is cut off (by its own box or by the screen's edge).
    const clipped = await page.getByRole('option').evaluateAll((options) =>
      options.flatMap((option) =>
        [option, ...Array.from(option.querySelectorAll<HTMLElement>('*'))]
          .filter((el): el is HTMLElement => el instanceof HTMLElement && el.textContent?.trim() !== '')
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return el.scrollWidth > el.clientWidth + 1 || box.left < 0 || box.right > window.innerWidth;
          })
          .map((el) => el.textContent?.trim() ?? ''),
      ),
    );
    expect(clipped).toEqual([]);

    // Closing the box (Escape) gives the navbar title back, uncovered.
    await page.keyboard.press('Escape');
    await expect(box).not.toBeFocused();
    await expect(title).toBeInViewport({ratio: 1});
    const onTop = await title.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && el.contains(hit);
    });
    expect(onTop).toBe(true);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    test(`axe finds nothing with the suggestions open (${colorScheme}, ${width} px)`, async ({browser}) => {
      const context = await browser.newContext({colorScheme, viewport: {width, height: 844}});
      const page = await context.newPage();
      await gotoHydrated(page, '/docs/reauthorize');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      const box = await openSearch(page);
      await box.pressSequentially('qbwc 1039');
      await expect(page.getByRole('option').first()).toContainText(entryHeading('qbwc1039'));
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({path: `test-results/shots/search-${colorScheme}-${width}.png`});
      await context.close();
    });
  }
}

// The search bar hydrates on a turn of its own (src/theme/SearchBar): its wrapper has no box of its
// own, so it cannot wait to come near the view, and its shortcut must work with nothing touched.
for (const {name, width} of [
  {name: 'a desktop', width: 1280},
  {name: 'a phone', width: 412},
]) {
  test(`on ${name}, Ctrl+K moves to the search box once the page has hydrated, before anything was touched`, async ({
    browser,
  }) => {
    const context = await browser.newContext({viewport: {width, height: 823}});
    const page = await context.newPage();
    await gotoHydrated(page, '/docs/setup/configure-connector');
    const input = page.getByPlaceholder(/search/i).first();
    await expect(async () => {
      await page.keyboard.press('Control+k');
      await expect(input).toBeFocused({timeout: 1000});
    }).toPass({timeout: 10_000});
    await context.close();
  });
}
