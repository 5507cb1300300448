import {test, expect, gotoHydrated} from './fixtures';

// One answer everywhere: the shared steps read the same on every page and in the /connect flow,
// the drawings match the steps, and readers who use assistants get the page as Markdown.

/** The shared approval steps as rendered: the first innermost ordered list that holds "Continue...". */
async function approvalSteps(page: import('@playwright/test').Page): Promise<string[]> {
  const list = page.locator('ol:not(:has(ol))').filter({hasText: 'Continue...'}).first();
  // As a reader reaches it: a long text draws its blocks as they come near the screen, and only
  // text that is drawn has an inner text.
  await list.scrollIntoViewIfNeeded();
  const items = list.locator(':scope > li');
  await expect.poll(async () => (await items.allInnerTexts()).includes('')).toBe(false);
  return items.allInnerTexts();
}

test('the setup guide, reauthorize, troubleshooting, the past notice and /connect show the same approval steps', async ({
  page,
}) => {
  // Five pages in one test: give it the time five page loads take on a busy machine.
  test.setTimeout(180_000);
  await gotoHydrated(page, '/docs/setup/configure-connector');
  const guide = await approvalSteps(page);
  expect(guide.length).toBe(8);
  expect(guide[1]).toContain('click Cancel, not No');
  expect(guide[4]).toContain('clear');
  for (const path of ['/docs/reauthorize', '/docs/troubleshooting', '/updates/connector-certificate-expiry']) {
    await gotoHydrated(page, path);
    expect(await approvalSteps(page), path).toEqual(guide);
  }

  await gotoHydrated(page, '/connect');
  // Step 1 is a checklist; tick whatever it asks, then go on to adding the application.
  // The flow loads after hydration: wait for its checklist before counting the boxes.
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', {name: 'Next'}).click();
  await expect(page.getByText('File > Add an Application')).toBeVisible();
  expect(await approvalSteps(page)).toEqual(guide);
});

test('the past certificate notice says at the top that its deadline has passed', async ({page}) => {
  await gotoHydrated(page, '/updates/connector-certificate-expiry');
  await expect(page.locator('h1')).toContainText('Past notice');
  const first = page.locator('article .theme-admonition').first();
  await expect(first).toContainText('has passed');
  await expect(page.locator('article')).not.toContainText('Perform Sync');
  await expect(page.locator('article')).not.toContainText('Action required');
});

test('an old link to the invented "Timed out" message lands on the real entry', async ({page}) => {
  await page.goto('/docs/troubleshooting#msg-timed-out-qbd');
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  const note = page.locator('#msg-timed-out-qbd');
  await expect(note).toBeInViewport();
  await expect(note).toContainText('No program shows that wording');
  await expect(page.locator('#timed-out-communicating')).toBeInViewport();
  await expect(page.getByRole('heading', {name: /Timed out communicating with QuickBooks Desktop/})).toHaveCount(0);
});

test('the troubleshooting page opens with the messages people meet most, before the codes', async ({page}) => {
  await gotoHydrated(page, '/docs/troubleshooting');
  const firstList = page.locator('article .markdown > ul').first();
  await expect(firstList.getByRole('link', {name: /Application Certificate/})).toBeVisible();
  await expect(firstList.getByRole('link', {name: /invalid password/})).toBeVisible();
  const listTop = (await firstList.boundingBox())?.y ?? Infinity;
  const indexTop = (await page.locator('#index').boundingBox())?.y ?? -Infinity;
  expect(listTop).toBeLessThan(indexTop);
});

test('the drawing that says "Tick this" shows Auto-Run not yet ticked, and the first update marks Update Selected', async ({
  page,
}) => {
  await gotoHydrated(page, '/docs/setup/authenticate-connector');
  const autoRun = page.getByRole('img', {name: /Marked: the Auto-Run box/});
  await expect(autoRun).toHaveAttribute('aria-label', /Auto-Run not ticked/);
  const firstUpdate = page.getByRole('img', {name: /Marked: the Select box of that row, then the Update Selected button/});
  await expect(firstUpdate).toBeVisible();
  await expect(firstUpdate.getByText('Click this')).toBeVisible();
});

for (const width of [1280, 390]) {
  test(`badges stay inside their cell and marks keep clear of the window edge at ${width} px`, async ({browser}) => {
    const context = await browser.newContext({viewport: {width, height: 900}});
    const page = await context.newPage();
    await gotoHydrated(page, '/docs/setup/authenticate-connector');
    const drawing = page.getByRole('img', {name: /Marked: the Password cell/});
    await drawing.scrollIntoViewIfNeeded();
    const badge = drawing.getByText('Paste here');
    const cell = badge.locator('..');
    const [b, c] = [await badge.boundingBox(), await cell.boundingBox()];
    expect(b && c).toBeTruthy();
    if (b && c) {
      expect(b.x).toBeGreaterThanOrEqual(c.x - 0.5);
      expect(b.x + b.width).toBeLessThanOrEqual(c.x + c.width + 0.5);
    }
    const update = page.getByRole('img', {name: /then the Update Selected button/});
    const mark = update.getByText('Update Selected', {exact: true}).locator('..');
    const [m, w] = [await mark.boundingBox(), await update.boundingBox()];
    expect(m && w).toBeTruthy();
    if (m && w) {
      // The outline is 3 px wide with a 2 px offset: it needs 5 px of room inside the window's border.
      expect(m.x + m.width + 5).toBeLessThan(w.x + w.width - 1);
      expect(m.x - 5).toBeGreaterThan(w.x + 1);
    }
    await context.close();
  });
}

test('"Copy page as Markdown" copies the guide as Markdown, with the shared steps in it', async ({browser, baseURL}) => {
  const context = await browser.newContext({permissions: ['clipboard-read', 'clipboard-write'], baseURL});
  const page = await context.newPage();
  await gotoHydrated(page, '/docs/setup/configure-connector');
  await page.getByRole('button', {name: 'Copy page as Markdown'}).click();
  await expect(page.getByRole('status').filter({hasText: 'Copied this page as Markdown'})).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^# Configure the Web Connector/);
  expect(copied).toContain('**Access Confirmation**');
  expect(copied).not.toContain('<!--');
  await context.close();
});

test('/llms.txt lists the guides and each guide has a Markdown copy', async ({request}) => {
  const index = await request.get('/llms.txt');
  expect(index.status()).toBe(200);
  const text = await index.text();
  expect(text).toContain('/docs/setup/prerequisites.md');
  expect(text).toContain('/docs/troubleshooting.md');
  const copy = await request.get('/docs/setup/prerequisites.md');
  expect(copy.status()).toBe(200);
  expect(await copy.text()).toContain('Switch to Single-user Mode');
});

test('a guide says when it was last updated', async ({page}) => {
  await gotoHydrated(page, '/docs/reauthorize');
  await expect(page.locator('.theme-last-updated')).toContainText(/Last updated/);
});
