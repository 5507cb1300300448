import Original from '@theme-original/DocItem/Paginator';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The previous and next links under a guide hydrate on their own turn, after the page, or at once
 * when one is pointed at or tabbed into (src/components/kit/DeferredBlock.tsx).
 */
export default deferredPart(Original);
