import DocSidebarDesktop from '@theme-original/DocSidebar/Desktop';
import {deferredPart} from '@site/src/components/kit/deferredPart';

/**
 * The served page holds the desktop sidebar (the build cannot know the reader's screen). On a phone
 * the theme drops it right after hydrating, so it hydrates on its own turn instead, after the page:
 * on a phone it is gone before that turn comes and is never hydrated; on a desktop it answers
 * at once when pointed at or tabbed into (src/components/kit/DeferredBlock.tsx).
 */
export default deferredPart(DocSidebarDesktop);
