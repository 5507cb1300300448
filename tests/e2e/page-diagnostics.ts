import type {BrowserContext, Page, TestInfo} from '@playwright/test';

/**
 * What the pages of a test said and fetched, kept so that a failing test (above all one that
 * failed only once, on CI) reports more than where it timed out: console messages, uncaught
 * errors, failed and refused requests, and each open page's loading state at the end.
 */
export function recordPageDiagnostics(context: BrowserContext): {report: (testInfo: TestInfo) => Promise<void>} {
  const started = Date.now();
  const events: string[] = [];
  const note = (page: Page, text: string) => events.push(`+${Date.now() - started} ms ${shortUrl(page.url())}: ${text}`);
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'log' && message.type() !== 'debug') note(page, `console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => note(page, `uncaught: ${String(error)}`));
    page.on('requestfailed', (request) =>
      note(page, `request failed: ${shortUrl(request.url())} (${request.failure()?.errorText ?? 'no reason'})`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) note(page, `HTTP ${response.status()}: ${shortUrl(response.url())}`);
    });
    page.on('load', () => note(page, 'load'));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  return {
    async report(testInfo) {
      if (testInfo.status === testInfo.expectedStatus) return;
      const states = await Promise.all(context.pages().map((page) => loadingState(page)));
      const body = [...events, ...states].join('\n') || 'No page events.';
      await testInfo.attach('pages: events and loading state', {body, contentType: 'text/plain'});
      // The list reporter shortens attachments; the whole text goes to the test's output as well.
      console.log(`What the pages of "${testInfo.titlePath.slice(1).join(' › ')}" said and fetched:\n${body}`);
    },
  };
}

function shortUrl(url: string): string {
  try {
    const {pathname, search, hash} = new URL(url);
    return `${pathname}${search}${hash}`;
  } catch {
    return url;
  }
}

/** The page's document, scripts, fetched resources and paints, or why they could not be read. */
async function loadingState(page: Page): Promise<string> {
  const read = page.evaluate(() => {
    const origin = location.origin;
    const short = (url: string) => (url.startsWith(origin) ? url.slice(origin.length) : url);
    return [
      `page ${short(location.href)}: readyState ${document.readyState}, hasHydrated ${String(document.documentElement.dataset.hasHydrated)}, visibility ${document.visibilityState}`,
      `  paints: ${performance
        .getEntriesByType('paint')
        .map((entry) => `${entry.name} ${Math.round(entry.startTime)} ms`)
        .join(', ')}`,
      `  script elements: ${Array.from(document.scripts)
        .map((script) => (script.src ? short(script.src) + (script.async ? '' : ' (in order)') : 'inline'))
        .join(', ')}`,
      ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (entry) =>
          `  fetched ${short(entry.name)} (${entry.initiatorType}) ${Math.round(entry.startTime)}-${Math.round(entry.responseEnd)} ms, status ${entry.responseStatus}`,
      ),
    ].join('\n');
  });
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(`page ${page.url()}: did not answer`), 5_000));
  return Promise.race([read.catch((error: unknown) => `page ${page.url()}: ${String(error)}`), timeout]);
}
