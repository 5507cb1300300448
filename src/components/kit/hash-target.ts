/**
 * Landing on the entry a link points at (`/docs/troubleshooting#qbwc1039`), in plain DOM code.
 *
 * The browser scrolls to the anchor as soon as the static HTML is parsed, but the page is not done:
 * hydration adds copy-link controls, widgets load lazily and fonts swap in, and each of these moves
 * the target after the browser has scrolled. So the target is followed: whenever it is no longer
 * where the last scroll put it, it is scrolled back, until the page has stopped moving for a while
 * and no widget is still loading (a widget's loading line carries WIDGET_LOADING_ATTRIBUTE).
 * The reader always wins: a wheel, touch, key or pointer press ends the following at once.
 */

/** The element id a location hash names; a malformed escape (`#%E0`) is taken literally, never thrown. */
export function idFromHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The attribute that marks the entry a link landed on, while it is highlighted (styled in hash-target.css). */
export const HIGHLIGHT_ATTRIBUTE = 'data-link-target';

const HIGHLIGHT_MS = 2_500;

/** Marks a widget's loading line: while one is in the page, the page is not settled, however still it looks. */
export const WIDGET_LOADING_ATTRIBUTE = 'data-widget-loading';

function widgetStillLoading(): boolean {
  return document.querySelector(`[${WIDGET_LOADING_ATTRIBUTE}]`) !== null;
}

/** Marks the element briefly, so the reader sees which entry the link meant. Returns the undo. */
export function highlightTarget(element: Element): () => void {
  element.setAttribute(HIGHLIGHT_ATTRIBUTE, '');
  const timer = window.setTimeout(() => element.removeAttribute(HIGHLIGHT_ATTRIBUTE), HIGHLIGHT_MS);
  return () => {
    window.clearTimeout(timer);
    element.removeAttribute(HIGHLIGHT_ATTRIBUTE);
  };
}

export interface FollowOptions {
  /** Frames without movement (after the document and its widgets have loaded) before the page counts as settled. */
  settledFrames?: number;
  /** Give up after this long, however busy the page still is. */
  maxMs?: number;
}

// Input that means the reader is moving the page themselves.
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Keeps the element with this id at the top of the view (under the sticky navbar, by its
 * scroll-margin) while the page around it changes, and highlights it. Returns the cleanup.
 */
export function followHashTarget(id: string, {settledFrames = 40, maxMs = 20_000}: FollowOptions = {}): () => void {
  const started = performance.now();
  let frame = 0;
  let expectedTop: number | null = null;
  let stillFrames = 0;
  let undoHighlight: (() => void) | null = null;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    window.cancelAnimationFrame(frame);
    for (const type of READER_INPUT) window.removeEventListener(type, stop, true);
  };
  for (const type of READER_INPUT) window.addEventListener(type, stop, {capture: true, passive: true});

  const tick = () => {
    if (stopped) return;
    // The reader (or a link) moved on to another entry: that one wins, this one is let go.
    if (idFromHash(window.location.hash) !== id) {
      stop();
      return;
    }
    const target = document.getElementById(id);
    if (target) {
      if (!undoHighlight) undoHighlight = highlightTarget(target);
      const top = target.getBoundingClientRect().top;
      if (expectedTop === null || Math.abs(top - expectedTop) > 1) {
        target.scrollIntoView({block: 'start', behavior: 'instant'});
        // Where the scroll could put it: near the end of a page it may stay lower than the margin.
        expectedTop = target.getBoundingClientRect().top;
        stillFrames = 0;
      } else if (document.readyState === 'complete' && !widgetStillLoading()) {
        stillFrames++;
      }
    }
    if (stillFrames >= settledFrames || performance.now() - started > maxMs) {
      stop();
      return;
    }
    frame = window.requestAnimationFrame(tick);
  };
  frame = window.requestAnimationFrame(tick);

  return () => {
    stop();
    undoHighlight?.();
  };
}
