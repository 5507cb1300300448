import {memo, type ReactNode} from 'react';
import clsx from 'clsx';
import {useWindowSize} from '@docusaurus/theme-common';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import type {Props} from '@theme/DocItem/Layout';
import ContentVisibility from '@theme/ContentVisibility';
import DocBreadcrumbs from '@theme/DocBreadcrumbs';
import DocItemContent from '@theme/DocItem/Content';
import DocItemFooter from '@theme/DocItem/Footer';
import DocItemPaginator from '@theme/DocItem/Paginator';
import DocItemTOCDesktop from '@theme/DocItem/TOC/Desktop';
import DocItemTOCMobile from '@theme/DocItem/TOC/Mobile';
import DocVersionBadge from '@theme/DocVersionBadge';
import DocVersionBanner from '@theme/DocVersionBanner';
import styles from './styles.module.css';

// Ejected from the classic theme for one change. The theme's layout learns the window's size in an
// effect right after hydrating, and on a phone it then draws itself again to drop the desktop table
// of contents: everything in the doc's column was drawn a second time, in the page's first long
// task after hydration (about 13 ms on a guide, unthrottled). Here the column is a memoized part of
// its own, so that second render touches only the table of contents.

/** Whether the doc has a table of contents to show, and whether it leaves room for one on a desktop. */
function useTOCPlace(): {withTOC: boolean; roomForTOC: boolean} {
  const {frontMatter, toc} = useDoc();
  const roomForTOC = !frontMatter.hide_table_of_contents;
  return {roomForTOC, withTOC: roomForTOC && toc.length > 0};
}

/** The doc's column. Its only prop, the doc's content element, is the same object on every render of the layout. */
const DocColumn = memo(function DocColumn({children}: {children: ReactNode}): ReactNode {
  const {metadata} = useDoc();
  const {withTOC, roomForTOC} = useTOCPlace();
  return (
    <div className={clsx('col', roomForTOC && styles.docItemCol)}>
      <ContentVisibility metadata={metadata} />
      <DocVersionBanner />
      <div className={styles.docItemContainer}>
        <article>
          <DocBreadcrumbs />
          <DocVersionBadge />
          {withTOC && <DocItemTOCMobile />}
          <DocItemContent>{children}</DocItemContent>
          <DocItemFooter />
        </article>
        <DocItemPaginator />
      </div>
    </div>
  );
});

export default function DocItemLayout({children}: Props): ReactNode {
  const {withTOC} = useTOCPlace();
  const windowSize = useWindowSize();
  // Drawn by the build ("ssr") and on a desktop; a phone's screen hides it (the theme's CSS) and drops it.
  const desktopTOC = withTOC && windowSize !== 'mobile';
  return (
    <div className="row">
      <DocColumn>{children}</DocColumn>
      {desktopTOC && (
        <div className="col col--3">
          <DocItemTOCDesktop />
        </div>
      )}
    </div>
  );
}
