import Original from '@theme-original/Navbar';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The navbar hydrates on its own turn, the first after the page, or at once when it is tapped,
 * clicked, tabbed into or typed in (src/components/kit/DeferredBlock.tsx): the menu button, the
 * search box and the colour toggle then have their handlers before the event reaches them.
 */
export default deferredPart(Original);
