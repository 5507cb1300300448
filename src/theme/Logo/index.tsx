import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {useThemeConfig} from '@docusaurus/theme-common';
import type {Props} from '@theme/Logo';
import LogoMark from '@site/static/img/logo.svg';
import styles from './styles.module.css';

/**
 * The navbar's brand: the site's mark, then its title. The theme's own Logo shows the mark as an
 * `<img>` (two of them, one per colour mode). A browser draws an SVG image in a document of its
 * own, which it sets up on the main thread during the page's first layout: about 10 ms here, four
 * times that on a phone. Drawn inline, the mark is part of the page. It is the same in both modes.
 */
export default function Logo({imageClassName, titleClassName, ...rest}: Props): ReactNode {
  const {
    navbar: {title},
  } = useThemeConfig();
  return (
    <Link to={useBaseUrl('/')} {...rest}>
      <div className={imageClassName}>
        <LogoMark className={styles.mark} aria-hidden="true" focusable="false" />
      </div>
      {title != null && <b className={titleClassName}>{title}</b>}
    </Link>
  );
}
