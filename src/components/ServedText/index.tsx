import {useEffect, useLayoutEffect, useRef, useState, type ReactNode} from 'react';
import {createPortal} from 'react-dom';
import {useHistory} from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import {HeadingCopyLink} from '@site/src/theme/Heading';
import {COPY_LINK_HOST_ATTRIBUTE} from '../kit/copy-link-host';
import {HIGHLIGHT_ATTRIBUTE, WIDGET_LOADING_ATTRIBUTE, idFromHash} from '../kit/hash-target';
import kit from '../kit/kit.module.css';
import {sitePagePath} from './site-link';
import {inNewTask} from '../../client/next-task';
import {whenIdle} from '../../client/idle-prefetch';
import {arrivedText, keepBlockHeights, keepText, keptBlockHeights, textOf} from './text-cache';
import {LAID_OUT_IN_FULL_ATTRIBUTE, layOutInFull} from './lay-out-in-full';

/** Given as the wrapper's HTML while its served text is kept: the same object on every render. */
const KEEP_SERVED_MARKUP = {__html: ''};

/**
 * The text as it was served: without the mark a link's entry wears for a moment, the "Copy link"
 * buttons the browser drew, or the layout it was given in full (the text drawn again lays out as
 * it is reached, then in full, as this one did).
 */
function servedMarkup(text: Element): string {
  const copy = text.cloneNode(true) as Element;
  for (const marked of Array.from(copy.querySelectorAll(`[${HIGHLIGHT_ATTRIBUTE}]`))) marked.removeAttribute(HIGHLIGHT_ATTRIBUTE);
  for (const host of Array.from(copy.querySelectorAll(`[${COPY_LINK_HOST_ATTRIBUTE}]`))) host.replaceChildren();
  copy.removeAttribute(LAID_OUT_IN_FULL_ATTRIBUTE);
  for (const block of servedBlocks(copy)) {
    block.style.removeProperty('content-visibility');
    if (block.getAttribute('style') === '') block.removeAttribute('style');
  }
  return copy.outerHTML;
}

/** The text's blocks, in order. */
function servedBlocks(text: Element): HTMLElement[] {
  return Array.from(text.children).filter((block): block is HTMLElement => block instanceof HTMLElement);
}

/** How many "Copy link" buttons one task draws: about 0.6 ms each here, so a task stays near SLICE_MS (src/client/main-thread-budget.ts). */
const COPY_LINKS_PER_TASK = 8;

/**
 * A heading of the text that gets a "Copy link" button: the element the button is drawn in, and the
 * button, made once, so that drawing the next few buttons leaves the ones already drawn alone.
 */
interface CopyLinkSpot {
  id: string;
  host: HTMLElement;
  button: ReactNode;
}

/**
 * Adds to the text what its code would have: a "Copy link" button after each h2 and h3 with an id,
 * in the host src/theme/Heading served after it, and links to other pages that move within the
 * site. Returns the undo.
 */
function enhance(text: Element, push: (path: string) => void, setSpots: (spots: CopyLinkSpot[]) => void): () => void {
  const spots = Array.from(text.querySelectorAll<HTMLElement>(`[${COPY_LINK_HOST_ATTRIBUTE}]`)).flatMap((host) => {
    const id = host.previousElementSibling?.id;
    return id ? [{id, host, button: createPortal(<HeadingCopyLink id={id} />, host, id)}] : [];
  });
  // A few buttons per task, the heading a link landed on first: all at once made one long task
  // on the catalogue (84 buttons, 48 ms unthrottled).
  const target = idFromHash(window.location.hash);
  const order = [...spots.filter((spot) => spot.id === target), ...spots.filter((spot) => spot.id !== target)];
  let shown = 0;
  let stopped = false;
  const showMore = () => {
    if (stopped) return;
    shown = Math.min(order.length, shown + COPY_LINKS_PER_TASK);
    setSpots(order.slice(0, shown));
    if (shown < order.length) inNewTask(showMore);
  };
  showMore();

  const onClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || !text.contains(link)) return;
    const path = sitePagePath(
      {
        href: link.href,
        target: link.target,
        download: link.hasAttribute('download'),
        button: event.button,
        modifier: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey,
        defaultPrevented: event.defaultPrevented,
      },
      window.location.href,
    );
    if (path === null) return;
    event.preventDefault();
    push(path);
  };
  // As the site's links do: the next page's code starts loading when the reader points at its link.
  const onPoint = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link instanceof HTMLAnchorElement && link.origin === window.location.origin) {
      const preloading = window.docusaurus?.preload(link.pathname);
      if (preloading) preloading.catch(() => undefined);
    }
  };
  text.addEventListener('click', onClick as EventListener);
  text.addEventListener('mouseover', onPoint, {passive: true});
  text.addEventListener('touchstart', onPoint, {passive: true});
  text.addEventListener('focusin', onPoint);
  return () => {
    text.removeEventListener('click', onClick as EventListener);
    text.removeEventListener('mouseover', onPoint);
    text.removeEventListener('touchstart', onPoint);
    text.removeEventListener('focusin', onPoint);
    stopped = true;
    setSpots([]);
  };
}

type Text = {state: 'kept'} | {state: 'loading'} | {state: 'ready'; html: string} | {state: 'failed'};

/**
 * The browser's side of a served-text doc (src/plugins/served-text.ts): its text comes as HTML,
 * not as code.
 *
 * - On a first visit the text is the served HTML, kept as it is while the page hydrates and after.
 * - Reached by a link from another page, the text is drawn at once if it is here (the reader has
 *   been on the page, or pointed at the link), else fetched from the page's own HTML (the same
 *   file a first visit gets); "Loading" stands in for it meanwhile, which keeps a link's #entry
 *   followed until the text is there (src/components/kit/hash-target.ts).
 *
 * Either way the text then gets its "Copy link" buttons and links that move within the site.
 */
export default function ServedText(): ReactNode {
  const {permalink} = useDoc().metadata;
  const isBrowser = useIsBrowser();
  const history = useHistory();
  // False during the render that hydrates the served HTML, true for a text drawn in the browser.
  const [drawnInBrowser] = useState(isBrowser);
  const [text, setText] = useState<Text>(() => {
    if (!drawnInBrowser) return {state: 'kept'};
    const html = arrivedText(permalink);
    return html === undefined ? {state: 'loading'} : {state: 'ready', html};
  });
  const [spots, setSpots] = useState<CopyLinkSpot[]>([]);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (text.state !== 'loading') return undefined;
    let current = true;
    textOf(permalink).then(
      (html) => current && setText({state: 'ready', html}),
      (error: unknown) => {
        console.error('The text of this page could not be loaded.', error);
        if (current) setText({state: 'failed'});
      },
    );
    return () => {
      current = false;
    };
  }, [text.state, permalink]);

  const shown = text.state === 'kept' || text.state === 'ready';
  // A text drawn in the browser is a return to the page or a link from another: it gets its blocks'
  // heights before the browser puts the reader back where they were. The served HTML a first visit
  // hydrates gets its buttons after the page's first effects.
  const useTextEffect = drawnInBrowser ? useLayoutEffect : useEffect;
  useTextEffect(() => {
    const element = wrapper.current?.firstElementChild;
    if (!shown || !element) return undefined;
    const heights = keptBlockHeights(permalink);
    if (drawnInBrowser && heights) {
      servedBlocks(element).forEach((block, index) => {
        const height = heights[index];
        if (height !== undefined) block.style.containIntrinsicSize = `auto ${height}px`;
      });
    }
    // A served text is kept for a return to the page. Copying it (about 7 ms on the catalogue,
    // unthrottled) waits for a quiet moment, not the task that runs the hydrated page's effects;
    // a reader who leaves first has it kept on the way out.
    let kept = text.state !== 'kept';
    const keep = () => {
      if (kept) return;
      kept = true;
      keepText(permalink, servedMarkup(element));
    };
    whenIdle(keep);
    const undo = enhance(element, (path) => history.push(path), setSpots);
    const stopLayingOut = layOutInFull(
      () => servedBlocks(element).filter((block) => getComputedStyle(block).contentVisibility === 'auto'),
      () => void element.getBoundingClientRect(),
      () => element.setAttribute(LAID_OUT_IN_FULL_ATTRIBUTE, ''),
    );
    return () => {
      stopLayingOut();
      // Still on the page here: the heights the browser laid the text out with as the reader left.
      keepBlockHeights(
        permalink,
        servedBlocks(element).map((block) => block.getBoundingClientRect().height),
      );
      undo();
      keep();
    };
  }, [shown, text, permalink, history, drawnInBrowser]);

  if (text.state === 'loading') {
    return (
      <div className={kit.part}>
        <p className={kit.fallback} role="status" {...{[WIDGET_LOADING_ATTRIBUTE]: ''}}>
          Loading this page…
        </p>
      </div>
    );
  }
  if (text.state === 'failed') {
    return (
      <div className={kit.part}>
        <p role="alert">
          This page’s text could not be loaded. <a href={permalink}>Load the page again</a>.
        </p>
      </div>
    );
  }
  return (
    <>
      <div
        ref={wrapper}
        className={kit.part}
        dangerouslySetInnerHTML={text.state === 'kept' ? KEEP_SERVED_MARKUP : {__html: text.html}}
        suppressHydrationWarning
      />
      {spots.map((spot) => spot.button)}
    </>
  );
}
