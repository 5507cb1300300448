/**
 * A client module: the pages a reader types a password or drops a log into are served with their
 * own opener policy (src/isolated-pages.ts), which only a document load applies. A link inside the
 * site that leads to one of them from a document without the policy therefore loads it whole, in
 * place of the entry the link made in the history; from a document that has it, links stay in the
 * page.
 */
import type {ClientModule} from '@docusaurus/types';
import {isIsolatedPage} from '../isolated-pages';

/** Whether the document itself came with the policy: the page it was loaded for is isolated. */
const documentIsolated = typeof window !== 'undefined' && isIsolatedPage(window.location.pathname);

const isolatedPageLoad: ClientModule = {
  onRouteUpdate({location, previousLocation}) {
    if (documentIsolated || !previousLocation || !isIsolatedPage(location.pathname)) return;
    window.location.replace(location.pathname + location.search + location.hash);
  },
};

export default isolatedPageLoad;
