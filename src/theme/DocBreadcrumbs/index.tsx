import Original from '@theme-original/DocBreadcrumbs';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The breadcrumbs' links hydrate on their own turn, after the page, or at once when one is pointed
 * at or tabbed into (src/components/kit/DeferredBlock.tsx).
 */
export default deferredPart(Original);
