import Original from '@theme-original/Navbar/ColorModeToggle';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The colour toggle hydrates on a turn of its own, after the navbar around it (the navbar's one
 * turn was the longest task of a page's hydration), or at once when it is tapped, clicked or tabbed
 * into (src/components/kit/DeferredBlock.tsx): it is enabled before the event reaches it.
 */
export default deferredPart(Original);
