import {test, expect, gotoHydrated, axeViolations, sitemapPaths} from './fixtures';

const paths = sitemapPaths();

test('the sitemap lists the guides, tools, reference and the updates feed', () => {
  for (const path of ['/docs', '/docs/setup/prerequisites', '/docs/troubleshooting', '/docs/tools/qwc-generator', '/updates']) {
    expect(paths).toContain(path);
  }
});

for (const path of paths) {
  test(`page ${path} loads without console errors, CSP violations or axe violations`, async ({page, consoleErrors}) => {
    const violations: string[] = [];
    await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as {reportCspViolation(text: string): void}).reportCspViolation(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}`,
        );
      });
    });
    const response = await page.goto(path);
    expect(response?.status(), `HTTP status of ${path}`).toBe(200);
    expect(response?.headers()['content-security-policy'], `CSP header on ${path}`).toContain("script-src 'self'");
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await expect(page.locator('h1').first()).toBeVisible();
    expect(await axeViolations(page), `axe violations on ${path}`).toEqual([]);
    expect(consoleErrors, `console errors on ${path}`).toEqual([]);
    expect(violations, `CSP violations on ${path}`).toEqual([]);
  });
}

test('dark mode passes axe on a guide and on the troubleshooting catalogue', async ({browser}) => {
  const context = await browser.newContext({colorScheme: 'dark'});
  const page = await context.newPage();
  for (const path of ['/docs/setup/configure-connector', '/docs/troubleshooting']) {
    await gotoHydrated(page, path);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await axeViolations(page), `dark-mode axe violations on ${path}`).toEqual([]);
  }
  await context.close();
});

test('a guide fits a phone screen without sideways scrolling', async ({browser}) => {
  const context = await browser.newContext({viewport: {width: 375, height: 740}, isMobile: true, hasTouch: true});
  const page = await context.newPage();
  for (const path of ['/docs/setup/configure-connector', '/docs/reauthorize', '/docs/troubleshooting']) {
    await gotoHydrated(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(1);
  }
  await page.getByRole('button', {name: /toggle navigation bar/i}).click();
  await expect(page.getByRole('link', {name: 'Troubleshooting'}).first()).toBeVisible();
  await context.close();
});

test('printing a guide shows the content without navigation', async ({page}) => {
  await gotoHydrated(page, '/docs/setup/configure-connector');
  await page.emulateMedia({media: 'print'});
  await expect(page.locator('.navbar')).toBeHidden();
  await expect(page.locator('.theme-doc-sidebar-container')).toBeHidden();
  await expect(page.locator('article h1')).toBeVisible();
});

test('the updates feed is published as RSS and Atom with the certificate notice', async ({request}) => {
  for (const feed of ['/updates/rss.xml', '/updates/atom.xml']) {
    const response = await request.get(feed);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('/updates/connector-certificate-expiry');
  }
});

test('"Was this page helpful?" works by keyboard and announces what happened to the answer', async ({page}) => {
  await gotoHydrated(page, '/docs/setup/prerequisites');
  const yes = page.getByRole('button', {name: 'Yes', exact: true});
  await yes.focus();
  await page.keyboard.press('Enter');
  await expect(yes).toHaveAttribute('aria-pressed', 'true');
  // The test server records votes (FEEDBACK_FILE in playwright.config.ts); tests/e2e/feedback.spec.ts covers the rest.
  await expect(page.getByRole('status').filter({hasText: 'Thanks'})).toContainText('Sent.');
});

// The button's scroll tracking and its smooth scroll run through theme code changed for speed
// (src/plugins/theme-patches.ts): it still shows on the way back up and takes the reader to the top.
test('the back-to-top button shows when scrolling back up a long page and takes the reader to the top', async ({page}) => {
  await gotoHydrated(page, '/docs/troubleshooting');
  // Hidden (and so out of the accessibility tree) until it shows.
  const button = page.locator('button.theme-back-to-top-button');
  await page.mouse.move(200, 400);
  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
  await expect(button).not.toHaveClass(/backToTopButtonShow/);
  await page.mouse.wheel(0, -600);
  await expect(button).toHaveClass(/backToTopButtonShow/);
  await page.getByRole('button', {name: 'Scroll back to top'}).click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(button).not.toHaveClass(/backToTopButtonShow/);
});
