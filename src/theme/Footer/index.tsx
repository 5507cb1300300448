import Original from '@theme-original/Footer';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The footer's links hydrate on their own turn, after the page, or at once when one is pointed at
 * or tabbed into (src/components/kit/DeferredBlock.tsx): they are not needed for the page to
 * answer a tap.
 */
export default deferredPart(Original);
