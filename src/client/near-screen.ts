/**
 * How far beyond the screen a part of the page counts as near it: one screen's height above and
 * below, so a reader scrolling at an ordinary pace finds it drawn when it arrives.
 */
export const NEAR_SCREEN_MARGIN = '100% 0px';

/** One observer for every element watched, made at the first watch (none where the browser has none). */
let observer: IntersectionObserver | null = null;
/** What each watched element waits for, called once when it comes near. */
const waiting = new Map<Element, () => void>();

function stopWatching(element: Element): void {
  waiting.delete(element);
  observer?.unobserve(element);
}

function report(entries: readonly IntersectionObserverEntry[]): void {
  for (const {target, isIntersecting, boundingClientRect} of entries) {
    const reached = waiting.get(target);
    // No box at all (display: contents or none): where it is cannot be told, so it counts as near.
    if (reached && (isIntersecting || (boundingClientRect.width === 0 && boundingClientRect.height === 0))) {
      stopWatching(target);
      reached();
    }
  }
}

/**
 * Calls `reached` once, when `element` comes within NEAR_SCREEN_MARGIN of the screen; at the
 * observer's first report when the element has no box; at once where the browser cannot tell (no
 * IntersectionObserver). Every part of the page that waits to be drawn until the reader nears it
 * (a deferred part's hydration, a served code block's drawing) waits here, on one observer. An
 * element waits for one thing: watched again, the later `reached` replaces the earlier. Returns
 * the cancel.
 */
export function whenNearScreen(element: Element, reached: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    reached();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(report, {rootMargin: NEAR_SCREEN_MARGIN});
  waiting.set(element, reached);
  observer.observe(element);
  return () => {
    if (waiting.get(element) === reached) stopWatching(element);
  };
}
