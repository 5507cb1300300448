import type {ReactNode} from 'react';
import {useNavbarMobileSidebar} from '@docusaurus/theme-common/internal';
import {translate} from '@docusaurus/Translate';
import IconMenu from '@theme/Icon/Menu';
import {reachForMobileMenu} from '@site/src/client/mobile-menu-intent';

/**
 * The phone menu's button, as the theme draws it, which also tells the menu to get drawn as soon as
 * a finger or the keyboard's focus reaches it (src/client/mobile-menu-intent.ts).
 */
export default function NavbarMobileSidebarToggle(): ReactNode {
  const {toggle, shown} = useNavbarMobileSidebar();
  const label = translate({
    id: 'theme.docs.sidebar.toggleSidebarButtonAriaLabel',
    message: 'Toggle navigation bar',
    description: 'The ARIA label for hamburger menu button of mobile navigation',
  });
  return (
    <button
      type="button"
      className="navbar__toggle clean-btn"
      aria-label={label}
      aria-expanded={shown}
      onPointerDown={reachForMobileMenu}
      onFocus={reachForMobileMenu}
      onClick={toggle}>
      <IconMenu />
    </button>
  );
}
