import {memo, type ReactNode} from 'react';
import clsx from 'clsx';
import {NavbarSecondaryMenuFiller, ThemeClassNames} from '@docusaurus/theme-common';
import {useNavbarMobileSidebar} from '@docusaurus/theme-common/internal';
import DocSidebarItems from '@theme/DocSidebarItems';
import type {Props} from '@theme/DocSidebar/Mobile';

/** The docs sidebar inside the phone menu, as in the classic theme. */
function DocSidebarMobileSecondaryMenu({menu: {sidebar, path}}: {menu: Props}): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  return (
    <ul className={clsx(ThemeClassNames.docs.docSidebarMenu, 'menu__list')}>
      <DocSidebarItems
        items={sidebar}
        activePath={path}
        onItemClick={(item) => {
          // A category closes the menu only when it is also a page.
          if ((item.type === 'category' && item.href) || item.type === 'link') mobileSidebar.toggle();
        }}
        level={1}
      />
    </ul>
  );
}

/**
 * Ejected from the classic theme for one change: the menu's props reach the filler as a single
 * prop. The filler memoizes its props by sorting their names with `localeCompare`, and the first
 * `localeCompare` on a page builds a collator: about 80 ms of one task on a phone, in the middle
 * of hydrating every doc page. With one name there is nothing to sort.
 */
function DocSidebarMobile(props: Props): ReactNode {
  return <NavbarSecondaryMenuFiller component={DocSidebarMobileSecondaryMenu} props={{menu: props}} />;
}

export default memo(DocSidebarMobile);
