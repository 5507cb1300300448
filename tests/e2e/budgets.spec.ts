import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test, expect, textLaidOutInFull} from './fixtures';
import {baseURL} from './playwright.config';
import {pageAssets} from '../../scripts/perf/page-assets.cjs';
import {COMPILE_HINT} from '../../src/plugins/compile-hints';
import {LAYOUT_SLICE_MEASURE} from '../../src/components/ServedText/lay-out-in-full';

interface Budgets {
  phoneFontFaces: number;
  pages: Record<string, {jsKB: number; cssKB: number}>;
}

const root = join(__dirname, '../..');
const budgets = JSON.parse(readFileSync(join(root, 'perf-budgets.json'), 'utf8')) as Budgets;
const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

// Bytes, not timings: which files a page loads and their sizes in build/ are the same on every run.
for (const [path, budget] of Object.entries(budgets.pages)) {
  test(`page ${path} runs at most ${budget.jsKB} kB of JS and ${budget.cssKB} kB of CSS, every script with the compile hint`, async ({
    browser,
  }) => {
    const {js, css, files} = await pageAssets(browser, baseURL, path, join(root, 'build'));
    const listing = files.map((f) => `${f.url} ${kB(f.bytes)} kB`).join('\n');
    expect(files.length, `no script or style sheet seen on ${path}`).toBeGreaterThan(0);
    expect(kB(js), `JS of ${path} (kB) past its budget in perf-budgets.json; files:\n${listing}`).toBeLessThanOrEqual(
      budget.jsKB,
    );
    expect(kB(css), `CSS of ${path} (kB) past its budget in perf-budgets.json; files:\n${listing}`).toBeLessThanOrEqual(
      budget.cssKB,
    );
    // V8 compiles a script's functions as it streams in only when the script starts with the hint
    // (src/plugins/compile-hints.ts); without it the hydrating render compiles them one by one.
    const scripts = files.filter((f) => f.type === 'js').map((f) => f.url);
    expect(scripts.length, `no script seen on ${path}`).toBeGreaterThan(0);
    const unhinted = scripts.filter(
      (url) => !readFileSync(join(root, 'build', decodeURIComponent(url)), 'utf8').startsWith(`${COMPILE_HINT}\n`),
    );
    expect(unhinted, `scripts of ${path} without the compile hint`).toEqual([]);
  });
}

/** What a page's first layout sets up: the font faces of the text shown, and the SVG images drawn. */
function readFirstLayoutSetup(): {faces: string[]; svgImages: string[]} {
  const shown = (element: Element) => element.getClientRects().length > 0;
  const faces = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent?.trim() || !element || !shown(element)) continue;
    const style = getComputedStyle(element);
    faces.add([style.fontFamily, style.fontSize, style.fontWeight, style.fontStyle].join(' / '));
  }
  const svgImages: string[] = [];
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    if (!shown(element)) continue;
    if (element instanceof HTMLImageElement && /\.svg\b|image\/svg/.test(element.currentSrc))
      svgImages.push(`<img> ${element.currentSrc}`);
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      for (const value of [style.backgroundImage, style.maskImage, style.listStyleImage, style.content]) {
        if (/url\(/.test(value) && /svg/.test(value))
          svgImages.push(`${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ''}`);
      }
    }
  }
  return {faces: [...faces].sort(), svgImages};
}

// Counts, not timings: the first layout on a cold phone sets up each font face and SVG image once,
// a few milliseconds each on the main thread (see perf-budgets.json).
for (const path of Object.keys(budgets.pages)) {
  test(`page ${path} on a phone draws no SVG image and at most ${budgets.phoneFontFaces} font faces`, async ({browser}) => {
    const context = await browser.newContext({viewport: {width: 412, height: 823}});
    // The page as served, as its first layout sees it: what scripts draw later (highlighted code,
    // a widget) is not part of it, and whether it had come by the load event was a matter of timing.
    await context.route(/\/assets\/js\//, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(baseURL + path);
    const {faces, svgImages} = await page.evaluate(readFirstLayoutSetup);
    await context.close();
    expect(faces.length, `no text seen on ${path}`).toBeGreaterThan(0);
    expect(faces.length, `font faces on ${path}:\n${faces.join('\n')}`).toBeLessThanOrEqual(budgets.phoneFontFaces);
    expect(svgImages, `SVG images drawn on ${path}`).toEqual([]);
  });
}

interface LoadCosts {
  /** Each localeCompare or Intl.Collator: the first one sets up the browser's collator, about 13 ms. */
  collatorUses: string[];
  /** A theme code block's width read outside an animation frame: a layout of the page in that task. */
  widthReadsOutsideFrames: string[];
  widthReadsInFrames: number;
}

function watchLoadCosts(): void {
  const costs: LoadCosts = {collatorUses: [], widthReadsOutsideFrames: [], widthReadsInFrames: 0};
  (window as unknown as {loadCosts: LoadCosts}).loadCosts = costs;
  const localeCompare = String.prototype.localeCompare;
  String.prototype.localeCompare = function (this: string, ...args: Parameters<string['localeCompare']>) {
    costs.collatorUses.push(`localeCompare ${new Error().stack?.split('\n')[2]?.trim()}`);
    return localeCompare.apply(this, args);
  };
  Intl.Collator = new Proxy(Intl.Collator, {
    construct(target, args) {
      costs.collatorUses.push('new Intl.Collator');
      return Reflect.construct(target, args) as object;
    },
    apply(target, thisArg, args) {
      costs.collatorUses.push('Intl.Collator()');
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  // Where layout is due anyway: an animation frame's callbacks run in the frame, before its layout.
  let inFrame = 0;
  const inAFrame =
    <A extends unknown[]>(callback: (...args: A) => void) =>
    (...args: A) => {
      inFrame++;
      try {
        callback(...args);
      } finally {
        inFrame--;
      }
    };
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestFrame(inAFrame(callback));
  const scrollWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollWidth')!;
  Object.defineProperty(Element.prototype, 'scrollWidth', {
    configurable: true,
    get(this: Element) {
      if (this.tagName === 'PRE' && this.closest('.theme-code-block')) {
        if (inFrame > 0) costs.widthReadsInFrames++;
        else costs.widthReadsOutsideFrames.push(`${this.className} ${new Error().stack?.split('\n')[2]?.trim()}`);
      }
      return scrollWidth.get!.call(this) as number;
    },
  });
}

// The theme's code block used a collator to sort its observer's options, and read its width right
// after it was drawn (src/plugins/theme-patches.ts). Drawn in the browser, after a link, the
// reference's blocks are the theme's own.
test('code blocks are drawn without setting up a collator, and measure themselves in a frame', async ({browser}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchLoadCosts);
  await page.goto(`${baseURL}/docs/tools/qwc-generator`);
  // A link clicked before the page has hydrated loads the next page whole, whose blocks are served,
  // not drawn: on a loaded CI machine the click came first once (at d9ad4b0).
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await page.getByRole('link', {name: 'AppName', exact: true}).first().click();
  await expect(page).toHaveURL(/\/docs\/reference\/qwc-file#appname$/);
  await expect(page.locator('pre.prism-code .token-line').first()).toBeVisible();
  // The blocks measure themselves in a frame after their effects, which run after a paint.
  const readCosts = () => page.evaluate(() => (window as unknown as {loadCosts: LoadCosts}).loadCosts);
  await expect
    .poll(async () => (await readCosts()).widthReadsInFrames, {message: 'no code block measured itself'})
    .toBeGreaterThan(0);
  const costs = await readCosts();
  await context.close();
  expect(costs.collatorUses).toEqual([]);
  expect(costs.widthReadsOutsideFrames).toEqual([]);
});

// The theme told a phone from a desktop by reading window.innerWidth as the page hydrated, which
// lays the page out inside that task (src/plugins/theme-patches.ts). It asks the CSS's breakpoint
// instead: 997 px wide is a desktop (the table of contents beside the text), 996 px a phone.
test("the page tells a phone from a desktop at the CSS's breakpoint, without reading the window's width", async ({browser}) => {
  const context = await browser.newContext({viewport: {width: 997, height: 800}});
  const page = await context.newPage();
  await page.addInitScript(() => {
    const reads: string[] = [];
    (window as unknown as {widthReads: string[]}).widthReads = reads;
    const innerWidth = Object.getOwnPropertyDescriptor(window, 'innerWidth')!;
    Object.defineProperty(window, 'innerWidth', {
      configurable: true,
      get() {
        reads.push(new Error().stack?.split('\n')[2]?.trim() ?? '');
        return innerWidth.get!.call(window) as number;
      },
    });
  });
  await page.goto(`${baseURL}/docs/setup/configure-connector`);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const desktopTOC = page.locator('.theme-doc-toc-desktop');
  await expect(desktopTOC).toBeVisible();
  await page.setViewportSize({width: 996, height: 800});
  await expect(desktopTOC).toHaveCount(0);
  await expect(page.getByRole('button', {name: 'On this page'})).toBeVisible();
  await page.setViewportSize({width: 997, height: 800});
  await expect(desktopTOC).toBeVisible();
  const reads = await page.evaluate(() => (window as unknown as {widthReads: string[]}).widthReads);
  await context.close();
  expect(reads.filter((read) => read.includes(baseURL))).toEqual([]);
});

// A "Copy link" button goes in after each of the catalogue's headings once the page is up. With a
// universal sibling rule in the style sheet (`header + *`), adding elements among the text's blocks
// made the browser restyle the whole text a second time (src/theme/DocItem/Layout/styles.module.css).
test("the catalogue's Copy link buttons restyle what they add, not the whole text", async ({browser}) => {
  const context = await browser.newContext({viewport: {width: 412, height: 823}});
  const page = await context.newPage();
  await browser.startTracing(page, {categories: ['devtools.timeline']});
  await page.goto(`${baseURL}/docs/troubleshooting`);
  const headings = await page.locator('.markdown :is(h2, h3)[id]').count();
  expect(headings).toBeGreaterThan(50);
  await expect(page.locator('button[aria-label^="Copy link to"]')).toHaveCount(headings);
  // Two frames, for the last buttons' styles.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const textElements = await page.locator('.markdown *').count();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: {name: string; args?: {elementCount?: number}}[];
  };
  await context.close();
  const restyled = trace.traceEvents.filter((e) => e.name === 'UpdateLayoutTree').map((e) => e.args?.elementCount ?? 0);
  // The page's first style may cover most of the text (the blocks far below the screen wait for
  // the reader, src/css/custom.css, so it need not); no later update comes near it.
  const wide = restyled.filter((count) => count > textElements / 2);
  expect(
    wide.length,
    `style updates covering more than half of the text's ${textElements} elements: ${wide.join(', ')}`,
  ).toBeLessThanOrEqual(1);
});

// Reading a size or the scroll position while the page hydrates lays the page out inside that task
// (the window's width, the scroll position, the navbar's height: src/plugins/theme-patches.ts). Such
// reads now wait for an animation frame, which lays the page out anyway. The one layout the page asks
// for on purpose is the served text's, laid out in full a slice at a time once the page is quiet
// (src/components/ServedText/lay-out-in-full.ts): each slice leaves a User Timing measure, and the
// layouts inside those are its own.
for (const path of ['/docs/troubleshooting', '/docs/setup/configure-connector']) {
  test(`${path} hydrates without laying itself out outside a frame`, async ({browser}) => {
    const context = await browser.newContext({viewport: {width: 412, height: 823}});
    const page = await context.newPage();
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.stack',
        'blink.user_timing',
      ],
    });
    await page.goto(`${baseURL}${path}`);
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    await expect(page.locator('button[aria-label^="Copy link to"]').first()).toBeVisible();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // Both are served texts: the trace ends once their layout in full has, not in one of its slices.
    await textLaidOutInFull(page);
    type TraceEvent = {
      name: string;
      ph: string;
      ts: number;
      dur?: number;
      pid: number;
      tid: number;
      args?: {beginData?: {stackTrace?: {functionName: string; url: string; lineNumber: number}[]}};
    };
    const {traceEvents} = JSON.parse((await browser.stopTracing()).toString()) as {traceEvents: TraceEvent[]};
    await context.close();
    const frames = traceEvents.filter((e) => e.name === 'FireAnimationFrame');
    const inFrame = (e: TraceEvent) =>
      frames.some((f) => f.pid === e.pid && f.tid === e.tid && f.ts <= e.ts && e.ts <= f.ts + (f.dur ?? 0));
    // The layout slices' measures, begun ('b') and ended ('e') in order. Their times come from the
    // page's clock, which the browser rounds to 100 µs: a slice's first read can trace just before it.
    const sliceEdges = traceEvents.filter((e) => e.name === LAYOUT_SLICE_MEASURE && (e.ph === 'b' || e.ph === 'e'));
    const CLOCK_ROUNDING_US = 200;
    const inLayoutSlice = (e: TraceEvent) =>
      sliceEdges.some(
        (begin, index) =>
          begin.ph === 'b' &&
          begin.pid === e.pid &&
          begin.ts - CLOCK_ROUNDING_US <= e.ts &&
          e.ts <= (sliceEdges[index + 1]?.ts ?? begin.ts) + CLOCK_ROUNDING_US,
      );
    // A style or layout update with a script's stack was forced by that script.
    const forced = traceEvents
      .filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.args?.beginData?.stackTrace?.length)
      .filter((e) => e.args!.beginData!.stackTrace!.some((frame) => frame.url.startsWith(baseURL)))
      .filter((e) => !inFrame(e) && !inLayoutSlice(e))
      .map((e) => {
        const top = e.args!.beginData!.stackTrace![0]!;
        return `${e.name} by ${top.functionName || '(anonymous)'} ${top.url.replace(baseURL, '')}:${top.lineNumber}`;
      });
    expect(forced).toEqual([]);
  });
}
