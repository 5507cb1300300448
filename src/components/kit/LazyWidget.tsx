import type {ComponentType, ReactNode} from 'react';
import WidgetErrorBoundary from './WidgetErrorBoundary';
import {WIDGET_LOADING_ATTRIBUTE} from './hash-target';
import {useLoadedModule, type ModuleLoader} from './useLoadedModule';
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
 * A widget for MDX pages whose code loads after the page is up: the static HTML, and the render
 * that hydrates it, hold the loading line; the code is fetched once the page has mounted. A failure,
 * including a chunk that would not load, shows a sentence instead of a blank page, and starting the
 * tool again tries the download again. No Suspense: see useLoadedModule.
 */
export function lazyWidget<P extends object>(
  load: ModuleLoader<{default: ComponentType<P>}>,
  {name, minHeight}: LazyWidgetOptions,
): ComponentType<P> {
  function LoadedWidget(props: P): ReactNode {
    const {module, error} = useLoadedModule(load);
    if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
    if (!module) {
      return (
        <p className={styles.fallback} style={minHeight ? {minHeight} : undefined} {...{[WIDGET_LOADING_ATTRIBUTE]: ''}}>
          Loading {name}…
        </p>
      );
    }
    const Widget = module.default;
    return <Widget {...props} />;
  }
  function LazyWidget(props: P): ReactNode {
    return (
      <WidgetErrorBoundary name={capitalise(name)}>
        <LoadedWidget {...props} />
      </WidgetErrorBoundary>
    );
  }
  return LazyWidget;
}
