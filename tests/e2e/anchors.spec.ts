import {test, expect, gotoHydrated, textLaidOutInFull} from './fixtures';
import {supportAnchors, troubleshootingEntries} from '../../src/qbwc/troubleshooting';

// Every anchor support may paste into a ticket must exist and land in view from a deep link.
const byPath = new Map<string, string[]>();
for (const {path, id} of supportAnchors) byPath.set(path, [...(byPath.get(path) ?? []), id]);

for (const [path, ids] of byPath) {
  test(`every support anchor on ${path} exists and scrolls into view`, async ({page}) => {
    test.setTimeout(30_000 + ids.length * 2_000);
    for (const id of ids) {
      await page.goto(`${path}#${id}`);
      await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
      const target = page.locator(`[id="${id}"]`);
      await expect(target, `#${id} on ${path}`).toHaveCount(1);
      await expect(target, `#${id} on ${path} is in view`).toBeInViewport();
    }
  });
}

test('the copy-link control copies the full URL of a troubleshooting entry', async ({browser, baseURL}) => {
  const context = await browser.newContext({permissions: ['clipboard-read', 'clipboard-write'], baseURL});
  const page = await context.newPage();
  await gotoHydrated(page, '/docs/troubleshooting');
  // The click first brings the button into view; the page has laid its text out in full by then, as
  // it does a few seconds after it loads, so the button stays where the click aims
  // (src/components/ServedText/lay-out-in-full.ts).
  await textLaidOutInFull(page);
  const entry = troubleshootingEntries.find((e) => e.id === 'qbwc1039');
  if (!entry) throw new Error('The catalogue has no qbwc1039 entry.');
  // The button is named after the entry's heading, so the catalogue's title must be what the page shows.
  await page.getByRole('button', {name: `Copy link to ${entry.title}`, exact: true}).click();
  await expect(page.getByText('Link copied').first()).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}/docs/troubleshooting#qbwc1039`);
  await context.close();
});
