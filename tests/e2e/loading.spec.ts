import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated} from './fixtures';
import {DOCS_LAYOUT_CHUNK, FRAMEWORK_CHUNK} from '../../src/plugins/script-groups';

// How a page loads (issue 11): the text paints from the HTML and CSS alone, the framework's code is
// asked for only after that paint, and prefetching other pages' code waits until the page has loaded.
// These are orderings of events in one load, not timings, so they hold on a slow machine too.

const PAGES = ['/docs/setup/configure-connector', '/docs/troubleshooting', '/docs/tools/qwc-generator', '/'];

/** When, in this load, the first paint was reported, the first script asked for, and the load event ended. */
function loadTimeline(page: Page) {
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => entry.initiatorType === 'script',
    );
    return {
      paintAt: paint?.startTime ?? null,
      firstScriptAt: Math.min(...scripts.map((entry) => entry.startTime)),
      scripts: scripts.length,
      loadEnd: navigation?.loadEventEnd ?? 0,
    };
  });
}

for (const path of PAGES) {
  test(`${path}: the text is painted before any script is fetched, then the page hydrates`, async ({page, consoleErrors}) => {
    await gotoHydrated(page, path);
    const order = await loadTimeline(page);
    expect(order.paintAt, 'a first contentful paint was recorded').not.toBeNull();
    expect(order.scripts, 'the framework code was fetched').toBeGreaterThan(0);
    expect(order.firstScriptAt, 'first script request after the first paint').toBeGreaterThanOrEqual(order.paintAt ?? Infinity);
    // The served page's head names no script, so nothing competes with the style sheet for the first paint.
    const html = await (await page.request.get(path)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/<link rel="?stylesheet/);
    expect(head).not.toMatch(/<script[^>]*\ssrc=/);
    expect(consoleErrors).toEqual([]);
  });
}

test("a guide's HTML names its own route chunks, and each script is fetched once", async ({page, consoleErrors}) => {
  const path = '/docs/setup/configure-connector';
  const html = await (await page.request.get(path)).text();
  const listed = [...html.matchAll(/"(\/assets\/js\/[^"]+\.js)"/g)].map((match) => match[1]!);
  // Every script element added to the page, by the HTML's loader or by webpack (which removes its
  // own once they have run), at a phone's CPU speed, where main.js may ask for a chunk early.
  await page.addInitScript(() => {
    const added: string[] = [];
    Object.assign(window, {addedScripts: added});
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of Array.from(record.addedNodes))
          if (node instanceof HTMLScriptElement && node.src) added.push(new URL(node.src).pathname);
    }).observe(document, {childList: true, subtree: true});
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
  await gotoHydrated(page, path);
  // The page's text is a chunk of its own (the guide's MDX); webpack loads it when the route renders.
  const content = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      // Scripts only: prefetches of other pages (link elements, after the load) may name the same chunks.
      .filter((entry) => entry.initiatorType === 'script')
      .map((entry) => new URL(entry.name).pathname)
      .filter((name) => name.startsWith('/assets/js/')),
  );
  // The entry's scripts come first: the framework's packages, webpack's runtime and main.js.
  expect(listed.slice(0, 3).map((src) => src.replace(/\.[0-9a-f]+\.js$/, ''))).toEqual([
    `/assets/js/${FRAMEWORK_CHUNK}`,
    '/assets/js/runtime~main',
    '/assets/js/main',
  ]);
  expect(listed.length, 'route chunks follow the three entry scripts').toBeGreaterThan(3);
  // Every listed chunk was loaded, and webpack added no script element of its own for them.
  for (const src of listed) expect(content, `${src} loaded`).toContain(src);
  const added = await page.evaluate(() => (window as unknown as {addedScripts: string[]}).addedScripts);
  for (const src of listed)
    expect(
      added.filter((name) => name === src),
      `script elements added for ${src}`,
    ).toHaveLength(1);
  expect(content.filter((src) => listed.includes(src)).length, 'each listed script fetched once').toBe(listed.length);
  expect(consoleErrors).toEqual([]);
});

/** The scripts a page's HTML lists for its loader, in order. */
async function listedScripts(page: Page, path: string): Promise<string[]> {
  const html = await (await page.request.get(path)).text();
  return [...html.matchAll(/"(\/assets\/js\/[^"]+\.js)"/g)].map((match) => match[1]!);
}

test('the docs pages share one script for their layout, which the updates load only on the way to a guide', async ({
  page,
  consoleErrors,
}) => {
  const lists = await Promise.all(PAGES.filter((path) => path.startsWith('/docs/')).map((path) => listedScripts(page, path)));
  const layout = lists[0]!.filter((src) => src.startsWith(`/assets/js/${DOCS_LAYOUT_CHUNK}.`));
  expect(layout, 'one shared script for the docs layout').toHaveLength(1);
  for (const list of lists) {
    expect(list).toContain(layout[0]);
    // The entry's three scripts, the docs layout and the page's own text: nothing else to request.
    expect(list).toHaveLength(5);
  }
  expect(await listedScripts(page, '/updates')).not.toContain(layout[0]);

  await gotoHydrated(page, '/updates');
  /** Scripts run by the page (`script`), or also those prefetched for the pages it links to (`link`). */
  const fetched = (...initiators: string[]) =>
    page.evaluate(
      (types) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((entry) => types.includes(entry.initiatorType))
          .map((entry) => new URL(entry.name).pathname),
      initiators,
    );
  expect(await fetched('script'), 'the updates run none of the docs code').not.toContain(layout[0]);
  await page.getByRole('contentinfo').getByRole('link', {name: 'Troubleshooting'}).click();
  await expect(page).toHaveURL(/\/docs\/troubleshooting$/);
  await expect(page.getByRole('heading', {level: 1})).toHaveText(/Troubleshooting/);
  expect(await fetched('script', 'link'), 'fetched for the guide, or prefetched for it').toContain(layout[0]);
  expect(consoleErrors).toEqual([]);
});

test('other pages are prefetched only after the page has loaded', async ({page}) => {
  await gotoHydrated(page, '/docs/setup/configure-connector');
  // The sidebar and the page's links point at other guides: their code is prefetched, but late.
  await expect
    .poll(() => page.evaluate(() => document.querySelectorAll('link[rel="prefetch"]').length), {
      message: 'links to other pages get their code prefetched once the page is idle',
    })
    .toBeGreaterThan(0);
  const timing = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const prefetches = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => entry.initiatorType === 'link' && /\/assets\/js\//.test(entry.name),
    );
    return {loadEnd: navigation?.loadEventEnd ?? 0, earliest: Math.min(...prefetches.map((entry) => entry.startTime))};
  });
  expect(timing.loadEnd).toBeGreaterThan(0);
  expect(timing.earliest, 'first prefetch after the load event').toBeGreaterThanOrEqual(timing.loadEnd);
});

test('a browser that does not report paints gets the scripts after its first frame and hydrates', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', {get: () => Object.freeze(['navigation', 'resource'])});
  });
  await gotoHydrated(page, '/docs/setup/configure-connector');
  // The first frame started them, not the last resort (five seconds after the load event).
  const timing = await loadTimeline(page);
  expect(timing.loadEnd).toBeGreaterThan(0);
  expect(timing.firstScriptAt, 'scripts asked for well before the last-resort timer').toBeLessThan(timing.loadEnd + 2500);
  await expect(page.getByRole('button', {name: /switch between dark and light mode/i})).toBeEnabled();
  expect(consoleErrors).toEqual([]);
});

test("each file of other pages' code is prefetched once, and none the page has loaded itself", async ({page}) => {
  await gotoHydrated(page, '/docs/setup/configure-connector');
  const prefetchLinks = () =>
    page.evaluate(() => Array.from(document.querySelectorAll('link[rel="prefetch"]'), (link) => link.getAttribute('href')!));
  // Prefetching runs in idle slices after the load: wait until a second goes by with no new link.
  let before = -1;
  await expect
    .poll(
      async () => {
        const count = (await prefetchLinks()).length;
        const settled = count > 0 && count === before;
        before = count;
        return settled;
      },
      {intervals: [1_000], message: 'the prefetching settles'},
    )
    .toBe(true);
  const links = await prefetchLinks();
  const loaded = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.initiatorType === 'script')
      .map((entry) => new URL(entry.name).pathname),
  );
  expect(new Set(links).size, 'no file asked for twice').toBe(links.length);
  expect(
    links.filter((href) => loaded.includes(href)),
    'no file the page loaded as a script',
  ).toEqual([]);
});
