import DocItemTOCDesktop from '@theme-original/DocItem/TOC/Desktop';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The served page holds the desktop table of contents, a link per heading (about 170 on the
 * troubleshooting page). On a phone the theme drops it right after hydrating, so it hydrates on its
 * own turn instead: on a phone it is gone before that turn comes and is never hydrated; on a desktop
 * it answers at once when pointed at or tabbed into (src/components/kit/DeferredBlock.tsx).
 */
export default deferredPart(DocItemTOCDesktop);
