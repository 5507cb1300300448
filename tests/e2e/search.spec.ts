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

test('searching by keyboard alone opens the highlighted result', async ({page}) => {
  // Start on a page the results are not on, so landing back here cannot pass for a working search.
  await gotoHydrated(page, '/docs/reauthorize');
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
  const title = page.getByRole('heading', {level: 1});
  await expect(title).toBeVisible();
  expect(label).toContain(((await title.textContent()) ?? '').trim());
});
