import {useEffect, useRef} from 'react';
import {useLocation} from '@docusaurus/router';
import {followHashTarget, highlightTarget, idFromHash} from './hash-target';

/**
 * Lands on the entry the URL's hash names: on the first load and on every move to another page,
 * it follows the entry until the page settles (see hash-target.ts); a hash change within the page
 * (a table-of-contents click) brings the entry into view and highlights it.
 */
export default function useLandOnHashTarget(): void {
  const {pathname, hash} = useLocation();
  const shownPath = useRef<string | null>(null);
  useEffect(() => {
    const samePage = shownPath.current === pathname;
    shownPath.current = pathname;
    const id = idFromHash(hash);
    if (!id) return;
    if (!samePage) return followHashTarget(id);
    const target = document.getElementById(id);
    if (!target) return undefined;
    // The browser scrolls on a hash change, but a follower of the previous entry may have moved
    // the page back before it was let go; bring this entry into view either way.
    target.scrollIntoView({block: 'start', behavior: 'instant'});
    return highlightTarget(target);
  }, [pathname, hash]);
}
