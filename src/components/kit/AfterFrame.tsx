import {useEffect, useState, type ReactNode} from 'react';
import {afterNextFrame} from '../../client/next-task';

/**
 * Draws nothing at first, then its children in a task of its own once the frame after its first
 * render has been painted. Nested, a widget is drawn in steps: what the reader sees first at once,
 * the rest a frame at a time, so that drawing and laying out the whole tool is not one long task.
 * When the children appear, only this component renders again: the parts drawn before it are not
 * compared again (an earlier step counter in the tool re-rendered the whole tool at every step).
 */
export default function AfterFrame({children}: {children: ReactNode}): ReactNode {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return undefined;
    let mounted = true;
    afterNextFrame(() => mounted && setShown(true));
    return () => {
      mounted = false;
    };
  }, [shown]);
  return shown ? children : null;
}
