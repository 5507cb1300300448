import {useLayoutEffect, useRef, useState, type ComponentType, type ReactNode} from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useLoadedModule, type ModuleLoader} from './useLoadedModule';
import {useNearScreen} from './useNearScreen';
import styles from './kit.module.css';

/** Given as the wrapper's HTML while its served markup is kept: the same object on every render. */
const KEEP_SERVED_MARKUP = {__html: ''};

interface ServerRenderedPartOptions<P> {
  /**
   * The part for the build's server render, imported from a `*.server.tsx` module, which the
   * browser bundle replaces with nothing (src/plugins/server-only-modules.ts).
   */
  server: ComponentType<P>;
  /** What to draw in the browser when the part was not in the served HTML, until its code arrives. */
  fallback: (props: P) => ReactNode;
}

/**
 * A part of a page that is in the static HTML but whose code the browser loads only after the page
 * is up: code highlighting, the catalogue's links on the "not found" page.
 *
 * - The build renders it in full, in place (no Suspense, which would let React move it to the end
 *   of the document and put it back with a script, after the first paint).
 * - The browser keeps that served markup while it hydrates, and until the part has come near the
 *   screen (or the reader points at, touches or tabs into it: useNearScreen) and its code has
 *   arrived; it then draws the part with its code. The markup is the same, so nothing moves. A
 *   code block at the foot of a page costs its page nothing at load.
 * - When the part is first drawn in the browser (a page reached by a link), `fallback` shows
 *   until the code has arrived.
 *
 * The part sits in a `display: contents` wrapper, the element whose served content is kept.
 */
export function serverRenderedPart<P extends object>(
  load: ModuleLoader<{default: ComponentType<P>}>,
  {server: OnServer, fallback}: ServerRenderedPartOptions<P>,
): ComponentType<P> {
  function ServerRenderedPart(props: P): ReactNode {
    const isBrowser = useIsBrowser();
    // False during the render that hydrates the served HTML, true for a part drawn in the browser.
    const [drawnInBrowser] = useState(isBrowser);
    // Served markup already shows the part: its code loads, and it is drawn again, only as it
    // comes near the screen or the reader reaches for it.
    const wrapper = useRef<HTMLDivElement>(null);
    const near = useNearScreen(wrapper, drawnInBrowser);
    const {module, error} = useLoadedModule(load, near);
    // A reader who tabbed into the served markup (its focusable <pre>) keeps focus there when the
    // part is drawn anew, which replaces that markup: asked once, in the render that replaces it.
    const focusInServedMarkup = useRef<boolean | undefined>(undefined);
    if (module && focusInServedMarkup.current === undefined)
      focusInServedMarkup.current = wrapper.current?.contains(document.activeElement) ?? false;
    useLayoutEffect(() => {
      if (module && focusInServedMarkup.current)
        wrapper.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus({preventScroll: true});
    }, [module]);
    if (!ExecutionEnvironment.canUseDOM) {
      return (
        <div className={styles.part}>
          <OnServer {...props} />
        </div>
      );
    }
    if (module) {
      const Part = module.default;
      return (
        <div ref={wrapper} className={styles.part}>
          <Part {...props} />
        </div>
      );
    }
    if (!drawnInBrowser && error === undefined) {
      return <div ref={wrapper} className={styles.part} dangerouslySetInnerHTML={KEEP_SERVED_MARKUP} suppressHydrationWarning />;
    }
    return <div className={styles.part}>{fallback(props)}</div>;
  }
  return ServerRenderedPart;
}
