import {test, expect, gotoHydrated} from './fixtures';

test('searching "QBWC1039" lands on that entry of the troubleshooting catalogue', async ({page}) => {
  await gotoHydrated(page, '/');
  const box = page
    .getByRole('combobox', {name: /search/i})
    .or(page.getByPlaceholder(/search/i))
    .first();
  await box.click();
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

test('searching by keyboard alone reaches a result', async ({page}) => {
  await gotoHydrated(page, '/docs/setup/prerequisites');
  const box = page
    .getByRole('combobox', {name: /search/i})
    .or(page.getByPlaceholder(/search/i))
    .first();
  await box.focus();
  await page.keyboard.type('Verify Data');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  // The highlighted result names the page it opens; Enter must open exactly that page.
  const chosen = page.locator('[role="option"][aria-selected="true"]');
  await expect(chosen).toHaveCount(1);
  const href = await chosen.locator('a[href]').first().getAttribute('href');
  expect(href, 'the highlighted result links somewhere').toBeTruthy();
  const target = new URL(href ?? '', 'http://site.invalid');
  expect(target.pathname).not.toBe('/docs/setup/prerequisites');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === target.pathname && url.hash === target.hash);
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
});
