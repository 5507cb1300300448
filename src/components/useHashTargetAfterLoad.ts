import {useEffect} from 'react';

/**
 * Widgets load after the page has hydrated, so they push down the headings below them (or add
 * headings of their own) after the browser has already scrolled to the link's anchor. Once a widget
 * is in place, this brings the anchor the reader followed back into view, unless they have moved.
 */
export default function useHashTargetAfterLoad(): void {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const frame = window.requestAnimationFrame(() => {
      const target = document.getElementById(id);
      if (!target) return;
      const {top, bottom} = target.getBoundingClientRect();
      if (top < 0 || bottom > window.innerHeight) target.scrollIntoView({block: 'start'});
    });
    return () => window.cancelAnimationFrame(frame);
  }, []);
}
