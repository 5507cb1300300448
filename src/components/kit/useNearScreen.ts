import {useEffect, useState, type RefObject} from 'react';
import {whenNearScreen} from '../../client/near-screen';

/** What a reader does to a part before it is drawn (a touch, a pointer over it, a tab into it): it is wanted now. */
const REACHING_EVENTS = ['pointerover', 'touchstart', 'focusin'] as const;

/**
 * True once the first child of the `display: contents` wrapper in `ref` (the wrapper has no box of
 * its own to watch) has come within NEAR_SCREEN_MARGIN of the screen (whenNearScreen), or the reader
 * has reached for something in it; true at once when `now` is, or where the browser cannot tell
 * (no IntersectionObserver, nothing in the wrapper). It never turns false again.
 */
export function useNearScreen(ref: RefObject<HTMLElement | null>, now = false): boolean {
  const [near, setNear] = useState(now);
  useEffect(() => {
    if (near) return undefined;
    const wrapper = ref.current;
    const target = wrapper?.firstElementChild;
    if (!wrapper || !target) {
      setNear(true);
      return undefined;
    }
    const reached = () => setNear(true);
    const stopWatching = whenNearScreen(target, reached);
    for (const type of REACHING_EVENTS) wrapper.addEventListener(type, reached, {passive: true});
    return () => {
      stopWatching();
      for (const type of REACHING_EVENTS) wrapper.removeEventListener(type, reached);
    };
  }, [near, ref]);
  return near;
}
