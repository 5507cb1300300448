// The main thread's blocking on a phone-like load, measured in Chromium itself rather than simulated
// as Lighthouse does: 4x CPU throttling, a 412 px wide screen, every long task after the first
// contentful paint (its time over 50 ms summed, as in Total Blocking Time) and the longest one, plus
// the site's `qbwc:hydrate` user-timing measure when the page records it. One cold load (a new
// context); a small machine is noisy, so the caller takes the median of several.

/** How long each load is watched after navigation: past hydration and the deferred parts' slices. */
const WATCH_MS = 6000;

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @returns {Promise<{tbt: number, longest: number, hydrate: number | null}>}
 */
export async function labLoad(browser, url) {
  const context = await browser.newContext({viewport: {width: 412, height: 823}});
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
    await page.addInitScript(() => {
      const tasks = [];
      window.__labLongTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
      }).observe({type: 'longtask', buffered: true});
    });
    await page.goto(url);
    await page.waitForTimeout(WATCH_MS);
    return await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const after = window.__labLongTasks.filter(([start]) => start >= fcp).map(([, duration]) => duration);
      return {
        tbt: after.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
        longest: Math.max(0, ...after),
        hydrate: performance.getEntriesByName('qbwc:hydrate')[0]?.duration ?? null,
      };
    });
  } finally {
    await context.close();
  }
}
