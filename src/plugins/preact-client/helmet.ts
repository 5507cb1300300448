import {createElement, useSyncExternalStore, type ComponentProps, type ReactNode} from 'react';
import {Helmet as PageHelmet, HelmetProvider} from 'react-helmet-async/lib/index.module.js';
import {headsJoined, onHeadsJoin} from './heads-after-hydration';

/**
 * `react-helmet-async` for the browser bundle (aliased in index.ts), with one change: a Helmet
 * held out of the hydrating render (heads-after-hydration.ts) renders nothing until the Heads join.
 *
 * Every `<Head>` of a page is a Helmet, and each Helmet, as it mounts, reduces the props of all
 * Helmets mounted so far to find the head to write: the work grows with the square of their
 * number, about a dozen on a doc page. In the one long render of a page load that was 20-100 ms
 * at 4x CPU, spent to find the head the server already wrote. Held out, the Helmets mount together
 * in a task of their own after the page's effects and write the same head; after that they work as they always do, on every
 * page the reader goes to.
 */
export {HelmetProvider};

export function Helmet(props: ComponentProps<typeof PageHelmet>): ReactNode {
  const joined = useSyncExternalStore(onHeadsJoin, headsJoined);
  return joined ? createElement(PageHelmet, props) : null;
}
