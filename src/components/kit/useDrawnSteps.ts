import {useEffect, useState} from 'react';
import {afterNextFrame} from '../../client/next-task';

/**
 * How many of a component's later steps have been drawn: 0 on its first render, then one more in
 * each render after that, each in a task of its own once the one before has been painted, up to
 * `steps`. A widget draws what the reader sees first at once and the rest a step at a time, so that
 * drawing and laying out the whole tool is not one long task.
 */
export function useDrawnSteps(steps: number): number {
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    if (drawn >= steps) return undefined;
    let mounted = true;
    afterNextFrame(() => mounted && setDrawn(drawn + 1));
    return () => {
      mounted = false;
    };
  }, [drawn, steps]);
  return drawn;
}
