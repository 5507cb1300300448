import {useEffect, useState, type ReactNode} from 'react';
import {afterNextFrame, inNewTask} from '../../client/next-task';

/** False at first, then true once `schedule` runs its callback (unless the component is gone by then). */
function useShownLater(schedule: (show: () => void) => void): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return undefined;
    let mounted = true;
    schedule(() => mounted && setShown(true));
    return () => {
      mounted = false;
    };
  }, [shown, schedule]);
  return shown;
}

/**
 * Draws nothing at first, then its children in a task of its own once the frame after its first
 * render has been painted. Nested, a widget is drawn in steps: what the reader sees first at once,
 * the rest a frame at a time, so that drawing and laying out the whole tool is not one long task.
 * When the children appear, only this component renders again: the parts drawn before it are not
 * compared again (an earlier step counter in the tool re-rendered the whole tool at every step).
 */
export default function AfterFrame({children}: {children: ReactNode}): ReactNode {
  return useShownLater(afterNextFrame) ? children : null;
}

/**
 * Draws nothing at first, then its children in a task of its own right after the one that drew
 * it, without waiting for a frame. Siblings each get a task, in their order, so a step of a widget
 * made of many rows (the .qwc generator's fields) is many short tasks instead of one long one.
 */
export function InOwnTask({children}: {children: ReactNode}): ReactNode {
  return useShownLater(inNewTask) ? children : null;
}
