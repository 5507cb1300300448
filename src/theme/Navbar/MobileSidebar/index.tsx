import type {ReactNode} from 'react';
import Original from '@theme-original/Navbar/MobileSidebar';
import {useNavbarMobileSidebar} from '@docusaurus/theme-common/internal';
import {useMobileMenuReached} from '@site/src/client/mobile-menu-intent';

/**
 * The phone menu is drawn once the reader reaches for its button (src/client/mobile-menu-intent.ts),
 * or whenever it is open, rather than on every phone page load.
 */
export default function NavbarMobileSidebar(): ReactNode {
  const {shown} = useNavbarMobileSidebar();
  const reached = useMobileMenuReached();
  return shown || reached ? <Original /> : null;
}
