/**
 * A client module: when a page opens on an anchor that moved (src/redirects.ts), the address is
 * rewritten to the new anchor and the page scrolls there. A malformed hash is read literally (see
 * idFromHash) and names no moved anchor, so it is left alone.
 */
import type {ClientModule} from '@docusaurus/types';
import {movedAnchorTarget} from '../redirects';
import {idFromHash} from '../components/kit/hash-target';

const movedAnchors: ClientModule = {
  onRouteDidUpdate({location}) {
    const id = idFromHash(location.hash);
    if (!id) return;
    const target = movedAnchorTarget(location.pathname, id);
    if (!target) return;
    const url = new URL(target, window.location.origin);
    if (url.pathname.replace(/\/+$/, '') !== location.pathname.replace(/\/+$/, '')) {
      window.location.replace(url.href);
      return;
    }
    window.history.replaceState(window.history.state, '', url.hash);
    document.getElementById(url.hash.slice(1))?.scrollIntoView();
  },
};

export default movedAnchors;
