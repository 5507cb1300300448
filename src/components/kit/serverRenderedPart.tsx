import {lazy, Suspense, useState, type ComponentType, type ReactNode} from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useLoadedModule, type ModuleLoader} from './useLoadedModule';
import styles from './kit.module.css';

/** Given as the wrapper's HTML while its served markup is kept: the same object on every render. */
const KEEP_SERVED_MARKUP = {__html: ''};

interface ServerRenderedPartOptions<P> {
  /** What to draw in the browser when the part was not in the served HTML, until its code arrives. */
  fallback: (props: P) => ReactNode;
}

/**
 * A part of a page that is in the static HTML but whose code the browser loads only after the page
 * is up: code highlighting, the catalogue's links on the "not found" page.
 *
 * - The build renders it in full (through `React.lazy`, which the server awaits).
 * - The browser keeps that served markup while it hydrates and until the code has arrived, then
 *   draws the part with its code; the markup is the same, so nothing moves.
 * - When the part is first drawn in the browser (a page reached by a link), `fallback` shows
 *   until the code has arrived.
 *
 * The part sits in a `display: contents` wrapper, the element whose served content is kept.
 */
export function serverRenderedPart<P extends object>(
  load: ModuleLoader<{default: ComponentType<P>}>,
  {fallback}: ServerRenderedPartOptions<P>,
): ComponentType<P> {
  const OnServer = lazy(load);
  function ServerRenderedPart(props: P): ReactNode {
    const isBrowser = useIsBrowser();
    // False during the render that hydrates the served HTML, true for a part drawn in the browser.
    const [drawnInBrowser] = useState(isBrowser);
    const {module, error} = useLoadedModule(load);
    if (!ExecutionEnvironment.canUseDOM) {
      return (
        <div className={styles.part}>
          <Suspense fallback={null}>
            <OnServer {...props} />
          </Suspense>
        </div>
      );
    }
    if (module) {
      const Part = module.default;
      return (
        <div className={styles.part}>
          <Part {...props} />
        </div>
      );
    }
    if (!drawnInBrowser && error === undefined) {
      return <div className={styles.part} dangerouslySetInnerHTML={KEEP_SERVED_MARKUP} suppressHydrationWarning />;
    }
    return <div className={styles.part}>{fallback(props)}</div>;
  }
  return ServerRenderedPart;
}
