import {useEffect} from 'react';
import {useLocation} from '@docusaurus/router';
import {followHashTarget, idFromHash} from './hash-target';

/**
 * Lands on the entry the URL's hash names: on the first load,
 * on every move to another page and on a hash change within the page (a table-of-contents click),
 * it follows the entry until the page settles (see hash-target.ts). A hash change can come while a
 * widget above the entry is still loading, so it is followed too, not scrolled to once.
 */
export default function useLandOnHashTarget(): void {
  const {pathname, hash} = useLocation();
  useEffect(() => {
    const id = idFromHash(hash);
    if (!id) return undefined;
    return followHashTarget(id);
  }, [pathname, hash]);
}
