import {nextTask} from '../../client/next-task';

/**
 * The browser bundle's entry for a production build, in place of Docusaurus's own
 * (@docusaurus/core/lib/client/clientEntry.js), doing the same steps: expose `window.docusaurus`,
 * load the code of the page's routes, then hydrate the served HTML. Docusaurus does all but the
 * hydration in one task, the evaluation of main.js: on a phone (4x slower CPU) that task ran
 * 300-600 ms, half of it adding the route chunks' script elements. Here each step runs in a task
 * of its own, and each route's chunks are requested in their own task, so the browser can paint
 * and answer a tap between them.
 *
 * The modules come in with eager `import()`s of the entry-*.ts modules: they stay in main.js (no
 * extra request), and a module is evaluated when its import runs, not when main.js is. Those small
 * modules re-export what is used by name; a library imported this way directly would keep all its
 * exports in the bundle. Even Preact comes in a turn of its own (entry-root.ts): evaluating main.js
 * then installs its modules and runs this file, and nothing else.
 */
async function hydratePage(container: Element): Promise<void> {
  await nextTask();
  const {hydrateRoot, createElement} = await import(/* webpackMode: "eager" */ './entry-root');

  await nextTask();
  const {BrowserRouter, HelmetProvider} = await import(/* webpackMode: "eager" */ './entry-framework');

  await nextTask();
  const {routes, docusaurus, matchRoutes} = await import(/* webpackMode: "eager" */ './entry-routes');
  window.docusaurus = docusaurus;

  await nextTask();
  const {App} = await import(/* webpackMode: "eager" */ './entry-app');

  // The routes the address matches (as written and decoded, as Docusaurus's preload does), each
  // route's chunks requested in a task of their own.
  const pathname = window.location.pathname;
  const matches = [...new Set([pathname, decodeURI(pathname)])].flatMap((path) => matchRoutes(routes, path));
  // Each load's failure is caught as it is made: a load can fail before the loop has made the
  // next one (its chunk may have failed already, in the HTML's loader), and a rejection with no
  // handler by then is reported as uncaught.
  const failures: Promise<{error: unknown} | null>[] = [];
  for (const match of matches) {
    await nextTask();
    failures.push(
      Promise.resolve(match.route.component.preload?.()).then(
        () => null,
        (error: unknown) => ({error}),
      ),
    );
  }
  const failure = (await Promise.all(failures)).find((result) => result !== null);
  if (failure) {
    // As with Docusaurus's entry, a page whose code did not load stays as served: readable, with
    // links that load whole pages.
    console.error('The page could not load its code; it stays as served.', failure.error);
    return;
  }

  await nextTask();
  window.docusaurusRoot = hydrateRoot(
    container,
    createElement(HelmetProvider, null, createElement(BrowserRouter, null, createElement(App))),
  );
}

const container = document.getElementById('__docusaurus');
if (container) void hydratePage(container);
