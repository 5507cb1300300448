import {test, expect, gotoHydrated} from './fixtures';

// The pages a reader types a password or drops a log into come with an opener policy of their own
// (src/isolated-pages.ts); only a document load applies it, so a link to one from a reading page
// loads it whole (src/client/isolated-page-load.ts).
test('a link from a guide to the password check loads it as a document with the opener policy; back returns to the guide', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({width: 1280, height: 800});
  const guide = await page.goto('/docs/setup/configure-connector');
  expect(guide?.headers()['cross-origin-opener-policy']).toBeUndefined();
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');

  const documentLoad = page.waitForResponse(
    (response) =>
      response.request().resourceType() === 'document' && new URL(response.url()).pathname === '/docs/tools/password-check',
  );
  await page.getByRole('contentinfo').getByRole('link', {name: 'Password check'}).click();
  expect((await documentLoad).headers()['cross-origin-opener-policy']).toBe('same-origin');
  await expect(page.getByRole('heading', {level: 1, name: 'Password check'})).toBeVisible();
  await expect(page.getByLabel('Password as pasted')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/docs\/setup\/configure-connector$/);
  await expect(page.getByRole('heading', {level: 1})).not.toHaveText('Password check');
  expect(consoleErrors).toEqual([]);
});

test('from the password check, a link to the connection check stays in the page (the document already has the policy)', async ({
  page,
}) => {
  await page.setViewportSize({width: 1280, height: 800});
  await gotoHydrated(page, '/docs/tools/password-check');
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
  });
  await page.getByRole('contentinfo').getByRole('link', {name: 'Connection check'}).click();
  await expect(page.getByRole('heading', {level: 1, name: 'Connection check'})).toBeVisible();
  await expect(page).toHaveURL(/\/docs\/tools\/connection-check$/);
  expect(documents).toEqual([]);
});
