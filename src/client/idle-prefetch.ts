/**
 * A client module: Docusaurus prefetches the code of every page a visible link points to, as soon
 * as the link scrolls into view, which on a page that is still loading means dozens of requests
 * and script tags competing with the page's own code. Here those prefetches wait until the page
 * has loaded and the browser is idle, then run as before. Loading a page's code when the reader
 * hovers or touches its link (Docusaurus's preload) is not changed.
 */
import type {ClientModule} from '@docusaurus/types';

type Prefetch = Window['docusaurus']['prefetch'];

/** Runs `work` once the document has loaded and the main thread has a quiet moment. */
export function afterLoadWhenIdle(work: () => void): void {
  const whenIdle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, {timeout: 4_000});
    else window.setTimeout(work, 1_000);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, {once: true});
}

/** A prefetch that queues its work for after the load; it resolves when the real prefetch has. */
export function deferredPrefetch(prefetchNow: Prefetch, schedule: (work: () => void) => void = afterLoadWhenIdle): Prefetch {
  let queue: Array<() => void> | null = null;
  return (url) =>
    new Promise<void[]>((resolve) => {
      const run = () => {
        const done = prefetchNow(url);
        if (done === false) resolve([]);
        else void done.then(resolve, () => resolve([]));
      };
      if (queue) {
        queue.push(run);
        return;
      }
      queue = [run];
      schedule(() => {
        const batch = queue ?? [];
        queue = null;
        for (const work of batch) work();
      });
    });
}

let deferred = false;

const idlePrefetch: ClientModule = {
  // Runs as the first page renders, before any link's visibility is reported.
  onRouteDidUpdate() {
    if (deferred || !window.docusaurus) return;
    deferred = true;
    // The object Docusaurus put there is read-only; links look it up on each call, so a copy works.
    const {prefetch, preload} = window.docusaurus;
    window.docusaurus = {prefetch: deferredPrefetch(prefetch), preload};
  },
};

export default idlePrefetch;
