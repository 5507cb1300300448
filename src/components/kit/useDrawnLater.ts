import {useEffect, useState} from 'react';
import {afterNextFrame} from '../../client/next-task';

/**
 * False on a component's first render, true from a render in a task of its own once that first
 * render has been painted. A widget draws what the reader sees first (its form) at once and the
 * rest (a highlighted preview, the parts behind a closed "Advanced") a moment later, so that drawing
 * and laying out the whole tool is not one long task.
 */
export function useDrawnLater(): boolean {
  const [later, setLater] = useState(false);
  useEffect(() => {
    let mounted = true;
    afterNextFrame(() => mounted && setLater(true));
    return () => {
      mounted = false;
    };
  }, []);
  return later;
}
