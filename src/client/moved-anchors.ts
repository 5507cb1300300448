/**
 * A client module: when a page opens on an anchor that moved (src/redirects.ts), the address is
 * rewritten to the new anchor and the page scrolls there. Malformed hashes are left alone.
 */
import type {ClientModule} from '@docusaurus/types';
import {movedAnchorTarget} from '../redirects';

function decodedHash(hash: string): string | undefined {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
}

const movedAnchors: ClientModule = {
  onRouteDidUpdate({location}) {
    const id = decodedHash(location.hash);
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
