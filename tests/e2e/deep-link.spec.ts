import type {Page} from '@playwright/test';
import {test, expect, textLaidOutInFull} from './fixtures';

// Entries far down the troubleshooting page, below everything that grows while the page loads.
const FAR_DOWN = ['qbwc1039', 'qbwc1041', 'hresult-0x80040408', 'msg-tls'];
const WIDTHS = [
  {name: 'desktop', width: 1280, height: 800},
  {name: 'phone', width: 390, height: 844},
];

/** Waits until the document's height has not changed for a second, so every late change has happened. */
async function waitForStillPage(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) => {
      let height = -1;
      let since = performance.now();
      const check = () => {
        const now = document.documentElement.scrollHeight;
        if (now !== height) {
          height = now;
          since = performance.now();
        }
        if (performance.now() - since > 1_000) resolve();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
}

for (const viewport of WIDTHS) {
  test(`a deep link to an entry far down lands on that entry and highlights it (${viewport.name}, ${viewport.width} px)`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(30_000 + FAR_DOWN.length * 20_000);
    const context = await browser.newContext({viewport, baseURL});
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    for (const id of FAR_DOWN) {
      await page.goto(`/docs/troubleshooting#${id}`);
      const heading = page.locator(`[id="${id}"]`);
      // The entry is marked for a moment, so the reader sees which one the link meant.
      await expect(heading, `#${id} is highlighted`).toHaveAttribute('data-link-target');
      // Measured once the text is laid out in full too, a few seconds after the load: by then the
      // landing has long stopped following the entry, and only the browser keeps the reader's place.
      await textLaidOutInFull(page);
      await waitForStillPage(page);

      const navbar = await page.getByRole('navigation', {name: 'Main'}).boundingBox();
      const box = await heading.boundingBox();
      expect(navbar).not.toBeNull();
      expect(box).not.toBeNull();
      const navbarBottom = (navbar?.y ?? 0) + (navbar?.height ?? 0);
      // At the top of the view, just under the sticky navbar: not under it, not below an earlier entry.
      expect(box?.y, `#${id} top at ${viewport.width} px`).toBeGreaterThanOrEqual(navbarBottom);
      expect(box?.y, `#${id} top at ${viewport.width} px`).toBeLessThan(navbarBottom + 40);
      const topText = await page.evaluate((y) => {
        const element = document.elementFromPoint(window.innerWidth / 2, y);
        return element?.closest('h2, h3')?.id ?? element?.textContent ?? '';
      }, navbarBottom + 20);
      expect(topText, `the first thing under the navbar for #${id}`).toBe(id);
      if (id === 'qbwc1039') await page.screenshot({path: `test-results/shots/deep-link-qbwc1039-${viewport.width}.png`});
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}

for (const viewport of WIDTHS) {
  test(`an entry the reader is on stays in place when the text above it changes height (${viewport.name}, ${viewport.width} px)`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({viewport, baseURL});
    const page = await context.newPage();
    await page.goto('/docs/troubleshooting#qbwc1039');
    const heading = page.locator('[id="qbwc1039"]');
    await expect(heading).toHaveAttribute('data-link-target');
    await textLaidOutInFull(page);
    await waitForStillPage(page);
    // A key ends the landing's following (the reader has taken over), so from here on only the
    // browser's scroll anchoring can keep the entry in place.
    await page.keyboard.press('Shift');
    const before = (await heading.boundingBox())?.y;
    // What a widget drawn or a block laid out above the entry does: the text above it grows.
    await page.evaluate(() => {
      const text = document.querySelector('.theme-doc-markdown');
      const grown = document.createElement('div');
      grown.style.height = '1500px';
      text?.prepend(grown);
    });
    await waitForStillPage(page);
    const after = (await heading.boundingBox())?.y;
    expect(before).toBeDefined();
    expect(Math.abs((after ?? 0) - (before ?? 0)), `#qbwc1039 moved from ${before} to ${after} px`).toBeLessThanOrEqual(1);
    await context.close();
  });
}

test('a link within the page highlights the entry it goes to', async ({page}) => {
  await page.goto('/docs/troubleshooting');
  await waitForStillPage(page);
  await page.getByRole('link', {name: 'QBWC1039', exact: true}).first().click();
  await expect(page).toHaveURL(/#qbwc1039$/);
  await expect(page.locator('[id="qbwc1039"]')).toHaveAttribute('data-link-target');
  await expect(page.locator('[id="qbwc1039"]')).toBeInViewport();
});

test('reading on cancels the landing: the page does not jump back once the reader scrolls', async ({page}) => {
  await page.goto('/docs/troubleshooting#qbwc1041');
  await expect(page.locator('[id="qbwc1041"]')).toHaveAttribute('data-link-target');
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, 1_500);
  await waitForStillPage(page);
  await expect(page.locator('[id="qbwc1041"]')).not.toBeInViewport();
});

for (const path of ['/docs/troubleshooting', '/docs/tools/password-check', '/docs/tools/connection-check']) {
  test(`a malformed link (${path}#%E0) opens the page without an error`, async ({page, consoleErrors}) => {
    await page.goto(`${path}#%E0`);
    await waitForStillPage(page);
    await expect(page.getByRole('heading', {level: 1})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
}

test('a hash change while a widget above the entry is still loading still lands on the entry', async ({page}) => {
  // Hold back the password check's code (the one chunk with this sentence) until the hash has changed,
  // as a slow phone connection would.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route('**/assets/js/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('Paste or type a password first.')) {
      held = true;
      await released;
    }
    await route.fulfill({response, body});
  });
  await page.goto('/docs/tools/password-check#check');
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await expect(page.getByText('Loading the password check…')).toBeVisible();
  await expect.poll(() => held, {message: 'the widget code was asked for and held'}).toBe(true);
  await page.goto('/docs/tools/password-check#generate');
  release();
  await expect(page.getByRole('textbox', {name: 'Password as pasted'})).toBeVisible();
  await waitForStillPage(page);
  await expect(page.locator('[id="generate"]'), 'the entry under the widget is in view').toBeInViewport();
});
