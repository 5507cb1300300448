import {useEffect, useRef} from 'react';
import {useLocation} from '@docusaurus/router';
import {followHashTarget, highlightTarget, idFromHash} from './hash-target';

/**
 * Lands on the entry the URL's hash names: on the first load and on every move to another page,
 * it follows the entry until the page settles (see hash-target.ts); a hash change within the page
 * (a table-of-contents click) only highlights the entry, since the browser has already scrolled.
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
    return target ? highlightTarget(target) : undefined;
  }, [pathname, hash]);
}
