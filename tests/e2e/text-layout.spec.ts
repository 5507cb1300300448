import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated, textLaidOutInFull} from './fixtures';
import {FULL_TEXT_LAYOUT_ATTRIBUTE} from '../../src/ssr-template';
import {SERVED_TEXT_HTML_CLASS} from '../../src/components/ServedText/served-text-doc';
import {ISOLATED_PAGES} from '../../src/isolated-pages';
import {COPY_LINK_HOST_ATTRIBUTE} from '../../src/components/kit/copy-link-host';

// A served text lays out as the reader reaches it (src/css/custom.css), and in full once the page is
// quiet (src/components/ServedText/lay-out-in-full.ts); a reloaded document is laid out in full
// from the start (src/ssr-template.ts), and a return inside the app draws the text with the heights
// it had (src/components/ServedText).

const PHONE = {width: 412, height: 823};

/** Each top-level block of the doc's text: where it starts on the page and how tall it is. */
function blockBoxes(page: Page): Promise<string[]> {
  return page.evaluate(
    (hostAttribute) =>
      Array.from(document.querySelector('.theme-doc-markdown')?.children ?? [])
        // Not the "Copy link" buttons' hosts, which have no box of their own.
        .filter((block) => !block.hasAttribute(hostAttribute))
        .map((block) => {
          const box = block.getBoundingClientRect();
          return `${block.tagName} ${Math.round(box.top + window.scrollY)} ${Math.round(box.height)}`;
        }),
    COPY_LINK_HOST_ATTRIBUTE,
  );
}

/** Whether the last block's first element is drawn, or skipped until the reader comes near it. */
function lastBlockDrawn(page: Page): Promise<boolean | null> {
  return page.evaluate(() => {
    const inner = Array.from(document.querySelectorAll('.theme-doc-markdown > :is(p, ol, ul) > *')).at(-1);
    return inner?.checkVisibility({contentVisibilityAuto: true}) ?? null;
  });
}

/** Notes, as the page finishes loading (before its quiet moments), whether the last block was drawn. */
async function noteLastBlockAtLoad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.addEventListener('load', () => {
      const inner = Array.from(document.querySelectorAll('.theme-doc-markdown > :is(p, ol, ul) > *')).at(-1);
      document.documentElement.dataset.testLastBlockAtLoad = String(inner?.checkVisibility({contentVisibilityAuto: true}));
    });
  });
}

const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Scrolls to the bottom of the page with the mouse wheel, a screen at a time, as a reader would. */
async function wheelToBottom(page: Page): Promise<void> {
  await page.mouse.move(PHONE.width / 2, PHONE.height / 2);
  for (let step = 0; step < 400; step++) {
    const atBottom = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (atBottom) return;
    await page.mouse.wheel(0, PHONE.height - 100);
    await nextFrames(page);
  }
  throw new Error('The page never reached its bottom.');
}

const marked = (page: Page) =>
  page.evaluate(
    ([attribute, className]) => ({
      full: document.documentElement.hasAttribute(attribute),
      served: document.documentElement.classList.contains(className),
    }),
    [FULL_TEXT_LAYOUT_ATTRIBUTE, SERVED_TEXT_HTML_CLASS] as const,
  );

for (const path of ['/docs/troubleshooting', '/docs/reauthorize']) {
  test(`${path} draws only the text near the screen, then the rest while the reader reads, and every block lands where it does laid out in full`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(PHONE);
    await noteLastBlockAtLoad(page);
    await gotoHydrated(page, path);
    expect(await marked(page)).toEqual({full: false, served: true});
    await expect(page.locator('html'), 'the last block, far below the screen, waits').toHaveAttribute(
      'data-test-last-block-at-load',
      'false',
    );
    // A few seconds later, with the reader still on the first screen, the rest is drawn too.
    await textLaidOutInFull(page);
    expect(await lastBlockDrawn(page), 'the last block, laid out while the reader read').toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await wheelToBottom(page);
    expect(await lastBlockDrawn(page), 'the last block, reached').toBe(true);
    const reached = await blockBoxes(page);
    expect(reached.length).toBeGreaterThan(20);

    // Reloaded, the page is laid out in full from the start.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    expect(await marked(page)).toEqual({full: true, served: true});
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await lastBlockDrawn(page), 'laid out in full').toBe(true);
    expect(reached).toEqual(await blockBoxes(page));
    expect(consoleErrors).toEqual([]);
  });
}

test('a page with code is laid out in full, and leaving a served text for it takes its class off', async ({page}) => {
  await gotoHydrated(page, '/docs/reference/qwc-file');
  expect(await marked(page)).toEqual({full: false, served: false});
  expect(await lastBlockDrawn(page)).toBe(true);
  await gotoHydrated(page, '/docs/troubleshooting');
  expect(await marked(page)).toEqual({full: false, served: true});
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Reference'}).click();
  await expect(page).toHaveURL(/\/docs\/reference\//);
  await expect.poll(async () => (await marked(page)).served).toBe(false);
});

test('after a jump to the end of the catalogue, going back from a link puts the same words at the same place', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize(PHONE);
  await gotoHydrated(page, '/docs/troubleshooting');
  // A few seconds after the page loads, its text is laid out in full (src/components/ServedText/lay-out-in-full.ts).
  // A reader who jumps, leaves and comes back while that is still under way can come back a few
  // hundred pixels off (1 run in 12 here); this test starts once it is done.
  await textLaidOutInFull(page);
  // The End key jumps past every block between. Then a link near the end to a page the app draws
  // (an isolated page loads as a whole document, src/isolated-pages.ts) is brought into view at
  // once, as following a link in the text would.
  await page.keyboard.press('End');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
  // The End key scrolls smoothly: wait for the page to come to rest.
  const scrollAfterFrames = () =>
    page.evaluate(() => {
      const before = window.scrollY;
      return new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.abs(window.scrollY - before)))),
      );
    });
  await expect.poll(scrollAfterFrames).toBe(0);
  const link = await page.evaluate((isolated) => {
    const candidates = Array.from(document.querySelectorAll<HTMLAnchorElement>('.theme-doc-markdown a[href^="/docs/"]')).filter(
      (a) => !a.pathname.startsWith('/docs/troubleshooting') && !isolated.includes(a.pathname),
    );
    const near = candidates.at(-1);
    near?.setAttribute('data-test-link', '');
    near?.scrollIntoView({block: 'center'});
    return near ? {path: near.pathname, text: near.textContent ?? '', top: near.getBoundingClientRect().top} : null;
  }, ISOLATED_PAGES);
  expect(link, 'a link to another page on the last screen').not.toBeNull();
  if (!link) return;
  // Where the link is as the reader follows it (the click may first bring it fully into view).
  await page.evaluate(() => {
    const near = document.querySelector('[data-test-link]');
    window.addEventListener(
      'click',
      () => {
        if (near) document.documentElement.dataset.testLinkTop = String(near.getBoundingClientRect().top);
      },
      {capture: true, once: true},
    );
  });
  await page.locator('[data-test-link]').click();
  await expect(page).toHaveURL(new RegExp(`${link.path}(#.*)?$`));
  link.top = Number(await page.evaluate(() => document.documentElement.dataset.testLinkTop));
  await page.goBack();
  await expect(page).toHaveURL(/\/docs\/troubleshooting$/);
  expect(await marked(page)).toEqual({full: false, served: true});
  const placedAgain = () =>
    page.evaluate(
      ({path, text, top}) =>
        Array.from(document.querySelectorAll<HTMLAnchorElement>('.theme-doc-markdown a')).some(
          (a) => a.pathname === path && a.textContent === text && Math.abs(a.getBoundingClientRect().top - top) <= 3,
        ),
      link,
    );
  await expect.poll(placedAgain, {message: `the link to ${link.path} back at ${Math.round(link.top)} px`}).toBe(true);
  expect(consoleErrors).toEqual([]);
});

// A jump far into the catalogue (the scrollbar dragged, find in page, a control brought into view)
// lands among blocks the browser had not drawn. Drawn a few frames later at their real heights,
// they moved the words the reader landed on by hundreds of pixels; laid out in full first, the
// words stay put.
test('a jump far into the catalogue lands on words that stay where they landed', async ({page, consoleErrors}) => {
  await page.setViewportSize(PHONE);
  await gotoHydrated(page, '/docs/troubleshooting');
  await textLaidOutInFull(page);
  for (const share of [0.45, 0.8, 0.6]) {
    // Where the words in the middle of the screen are as the jump lands: what a dragged scrollbar
    // does, at once.
    const landed = await page.evaluate(
      ({share, x, y}) => {
        window.scrollTo(0, share * (document.documentElement.scrollHeight - window.innerHeight));
        const element = document.elementFromPoint(x, y);
        if (!element) return null;
        element.setAttribute('data-test-landed', '');
        return {
          text: (element.textContent ?? '').slice(0, 60),
          top: Math.round(element.getBoundingClientRect().top),
          y: window.scrollY,
        };
      },
      {share, x: PHONE.width / 2, y: PHONE.height / 2},
    );
    expect(landed, 'words in the middle of the screen').not.toBeNull();
    if (!landed) return;
    expect(landed.y).toBeGreaterThan(5_000);
    for (let frame = 0; frame < 10; frame++) await nextFrames(page);
    const now = await page.locator('[data-test-landed]').evaluate((element) => {
      element.removeAttribute('data-test-landed');
      return Math.round(element.getBoundingClientRect().top);
    });
    expect(now, `"${landed.text}" twenty frames after the jump`).toBe(landed.top);
  }
  expect(consoleErrors).toEqual([]);
});

// A reload puts the reader back where they were. Chromium finds its place again by the elements'
// order (a chain of :nth-child from the nearest id), so the page must hold the same elements before
// its code runs as after: the "Copy link" buttons' hosts are served, empty (src/theme/Heading).
for (const path of ['/docs/troubleshooting', '/docs/reference/qwc-file']) {
  test(`${path}: a reload in the middle of the page puts the same words at the same place`, async ({page, consoleErrors}) => {
    await page.setViewportSize(PHONE);
    await gotoHydrated(page, path);
    const headings = await page.locator('.theme-doc-markdown > :is(h2, h3)[id]').count();
    await expect(page.getByRole('button', {name: /^Copy link to /})).toHaveCount(headings);
    // A paragraph two thirds down the text, at the top of the screen, as a reader who scrolled there sees it.
    const spot = await page.evaluate(() => {
      const paragraphs = Array.from(document.querySelectorAll('.theme-doc-markdown > p')).filter(
        (p) => (p.textContent ?? '').length > 80,
      );
      const paragraph = paragraphs[Math.floor((paragraphs.length * 2) / 3)];
      if (!paragraph) return null;
      window.scrollTo(0, paragraph.getBoundingClientRect().top + window.scrollY - 150);
      return {text: paragraph.textContent ?? '', top: paragraph.getBoundingClientRect().top, y: window.scrollY};
    });
    expect(spot, 'a paragraph far down the page').not.toBeNull();
    if (!spot) return;
    expect(spot.y).toBeGreaterThan(3_000);
    // Let the browser note where the reader is (it keeps the place as the page is left).
    await nextFrames(page);

    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await expect(page.getByRole('button', {name: /^Copy link to /})).toHaveCount(headings);
    // How far the paragraph is from where it was (null: not found).
    const offBy = () =>
      page.evaluate(({text, top}) => {
        const paragraph = Array.from(document.querySelectorAll('.theme-doc-markdown > p')).find((p) => p.textContent === text);
        return paragraph ? Math.abs(paragraph.getBoundingClientRect().top - top) : null;
      }, spot);
    await expect.poll(offBy, {message: `the paragraph back at ${Math.round(spot.top)} px`}).toBeLessThanOrEqual(3);
    expect(consoleErrors).toEqual([]);
  });
}
