import type {ReactNode} from 'react';
import Original from '@theme-original/NavbarItem';
import type {Props} from '@theme/NavbarItem';
import {deferredPart} from '@site/src/components/kit/deferredPart';

const DeferredItem = deferredPart(Original);

/**
 * Each link of the navbar hydrates on its own turn, within the navbar's (src/theme/Navbar). Drawn
 * with the navbar, the six links made its turn 9-24 ms at full speed in the lab, and 43 ms under
 * Lighthouse, the longest task of a guide's load; each link alone takes under 3 ms. A phone hides
 * them (its menu lists them), so nothing a reader sees waits for them; a tap or a key headed for
 * one draws it at once. The menu's own copies are drawn only when it opens, inside a list, where a
 * wrapper would not belong: they are drawn as they are.
 */
export default function NavbarItem(props: Props): ReactNode {
  return props.mobile ? <Original {...props} /> : <DeferredItem {...props} />;
}
