import {useEffect, useRef, type ReactNode} from 'react';
import SearchBar from '@theme-original/SearchBar';
import {repairSearchAria} from './aria-repair';
import styles from './styles.module.css';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The local search plugin's search bar, with the ARIA of the suggestions it draws mended each time
 * they are drawn (see aria-repair.ts). The wrapper takes no room of its own (display: contents).
 */
function SearchBarWrapper(): ReactNode {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    repairSearchAria(element);
    const observer = new MutationObserver(() => repairSearchAria(element));
    observer.observe(element, {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-owns']});
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={root} className={styles.searchBar}>
      <SearchBar />
    </div>
  );
}

/**
 * Hydrated on a turn of its own, after the navbar around it (the navbar's one turn was the longest
 * task of a page's hydration), or at once when it is tapped, clicked, tabbed into or typed in
 * (src/components/kit/DeferredBlock.tsx).
 */
export default deferredPart(SearchBarWrapper);
