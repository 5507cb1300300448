import {createRoot, hydrateRoot as hydrateServedRoot} from 'preact/compat/client';
import {NOT_FOUND_PAGE_CLASS} from '../../not-found-page';
import {deferringParts} from '../../components/kit/deferred-hydration';
import {deferPart} from './deferred-hydration';
import {holdHeads, joinHeads} from './heads-after-hydration';
import {afterNextFrame} from '../../client/next-task';

export {createRoot};

/**
 * React's server renderer writes resource hints it found while rendering (a `<link rel="preload"
 * as="image">` for the navbar logo) as the container's first children, and React's client knows to
 * step over them. Preact takes them for the start of its tree and moves every node of the page
 * after them, which costs a full style and layout pass. The hints have done their work once the
 * HTML is parsed; they move to the head, where they belong.
 */
function moveServedResourceHints(container: Element): void {
  for (const hint of Array.from(container.querySelectorAll(':scope > link'))) document.head.append(hint);
}

/**
 * `react-dom/client` for the browser bundle. Docusaurus hydrates the served HTML; that is right for
 * every page but 404.html, which the server sends for any address without a page. React, finding
 * a different tree there (an address under /docs is drawn by the docs' layout), throws the served
 * markup away and draws anew; Preact would patch the new tree into the old nodes. So the served
 * "not found" page is drawn anew from the start, as React would end up doing.
 *
 * The blocks of a page's text (src/components/kit/DeferredBlock.tsx) are left out of the hydrating
 * render and hydrate afterwards, a slice at a time; the page's Heads render once its effects have run,
 * in a task of their own (helmet.ts).
 */
export function hydrateRoot(
  container: Element,
  children: Parameters<typeof hydrateServedRoot>[1],
): ReturnType<typeof createRoot> {
  if (document.documentElement.classList.contains(NOT_FOUND_PAGE_CLASS)) {
    const root = createRoot(container);
    root.render(children);
    return root;
  }
  moveServedResourceHints(container);
  // The one long render of a page load, as a user-timing measure for profiles and the lab.
  const start = performance.now();
  holdHeads();
  try {
    return deferringParts(deferPart, () => hydrateServedRoot(container, children));
  } finally {
    performance.measure('qbwc:hydrate', {start});
    // After the page's effects, which subscribe the held Heads: they render in a task of their own.
    afterNextFrame(joinHeads);
  }
}

export default {createRoot, hydrateRoot};
