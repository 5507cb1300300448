/**
 * A client module: Docusaurus prefetches the code of every page a visible link points to, as soon
 * as the link scrolls into view, which on a page that is still loading means dozens of requests
 * and script tags competing with the page's own code. Here those prefetches wait until the page
 * has loaded and the browser is idle, then run as before. Loading a page's code when the reader
 * hovers or touches its link (Docusaurus's preload) is not changed.
 */
import type {ClientModule} from '@docusaurus/types';
import {SLICE_MS} from './main-thread-budget';

type Prefetch = Window['docusaurus']['prefetch'];

/** Work for an idle moment: it is given the moment's deadline when the browser has one. */
type IdleWork = (deadline?: IdleDeadline) => void;

/** Runs `work` at the main thread's next quiet moment. */
export function whenIdle(work: IdleWork): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, {timeout: 4_000});
  else window.setTimeout(() => work(), 1_000);
}

/** Runs `work` once the document has loaded: at once if it has, or at its load event. */
export function afterLoad(work: () => void): void {
  if (document.readyState === 'complete') work();
  else window.addEventListener('load', () => work(), {once: true});
}

/** Runs `work` once the document has loaded and the main thread has a quiet moment. */
export function afterLoadWhenIdle(work: IdleWork): void {
  afterLoad(() => whenIdle(work));
}

interface DeferredPrefetchTiming {
  /** When the first prefetches may start (after the load, when idle). */
  afterLoad?: (work: IdleWork) => void;
  /** When the next slice may run, if one moment was not enough. */
  nextSlice?: (work: IdleWork) => void;
  /** How many prefetches one slice runs when the moment has no deadline to go by. */
  sliceSize?: number;
  /** The clock a slice measures its time by. */
  now?: () => number;
}

/**
 * A prefetch that queues its work for after the load; it resolves when the real prefetch has.
 * A page shows dozens of links, and each prefetch adds script tags: the queue is worked off in
 * slices, each within one idle moment and at most SLICE_MS long (an idle moment can last 50 ms),
 * so prefetching never makes a long task of its own.
 */
export function deferredPrefetch(
  prefetchNow: Prefetch,
  {
    afterLoad = afterLoadWhenIdle,
    nextSlice = whenIdle,
    sliceSize = 4,
    now = () => performance.now(),
  }: DeferredPrefetchTiming = {},
): Prefetch {
  const queue: Array<() => void> = [];
  let scheduled = false;
  const runSlice: IdleWork = (deadline) => {
    const end = now() + SLICE_MS;
    let ran = 0;
    while (queue.length > 0) {
      queue.shift()!();
      ran += 1;
      if (now() >= end || (deadline ? deadline.timeRemaining() < 2 : ran >= sliceSize)) break;
    }
    if (queue.length > 0) nextSlice(runSlice);
    else scheduled = false;
  };
  return (url) =>
    new Promise<void[]>((resolve) => {
      queue.push(() => {
        const done = prefetchNow(url);
        if (done === false) resolve([]);
        else void done.then(resolve, () => resolve([]));
      });
      if (!scheduled) {
        scheduled = true;
        afterLoad(runSlice);
      }
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
