import type {ReactNode} from 'react';
import DocItemTOCDesktop from '@theme-original/DocItem/TOC/Desktop';
import DeferredBlock from '@site/src/components/kit/DeferredBlock';
import kitStyles from '@site/src/components/kit/kit.module.css';

/**
 * The served page holds the desktop table of contents, a link per heading (about 170 on the
 * troubleshooting page). On a phone the theme drops it right after hydrating, so it hydrates on its
 * own turn instead: on a phone it is gone before that turn comes and is never hydrated; on a desktop
 * it answers at once when pointed at or tabbed into (src/components/kit/DeferredBlock.tsx).
 */
export default function DocItemTOCDesktopWrapper(): ReactNode {
  return <DeferredBlock as="div" className={kitStyles.part} content={() => <DocItemTOCDesktop />} />;
}
