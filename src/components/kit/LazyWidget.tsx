import {lazy, Suspense, type ComponentType, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import WidgetErrorBoundary from './WidgetErrorBoundary';
import {WIDGET_LOADING_ATTRIBUTE} from './hash-target';
import styles from './kit.module.css';

interface LazyWidgetOptions {
  /** The widget in words, for the loading line and the error message: "the password check". */
  name: string;
  /** Room held while the code loads (a CSS length), so the page below does not jump when it arrives. */
  minHeight?: string;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A widget for MDX pages that costs nothing until it is on screen: its code loads on demand, only
 * in the browser (the static HTML holds the loading line), and a failure, including a chunk that
 * would not load, shows a sentence instead of a blank page.
 */
export function lazyWidget<P extends object>(
  load: () => Promise<{default: ComponentType<P>}>,
  {name, minHeight}: LazyWidgetOptions,
): ComponentType<P> {
  const Widget = lazy(load);
  function LazyWidget(props: P): ReactNode {
    const loading = (
      <p className={styles.fallback} style={minHeight ? {minHeight} : undefined} {...{[WIDGET_LOADING_ATTRIBUTE]: ''}}>
        Loading {name}…
      </p>
    );
    return (
      <BrowserOnly fallback={loading}>
        {() => (
          <WidgetErrorBoundary name={capitalise(name)}>
            <Suspense fallback={loading}>
              <Widget {...props} />
            </Suspense>
          </WidgetErrorBoundary>
        )}
      </BrowserOnly>
    );
  }
  return LazyWidget;
}
