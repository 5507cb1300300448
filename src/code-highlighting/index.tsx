import type {ReactNode} from 'react';
import Prism from './prism';
import {Highlight as HighlightWith, type HighlightProps} from './Highlight';

/**
 * Syntax highlighting with the site's own Prism (./prism.ts). It stands in for prism-react-renderer
 * in both bundles (src/plugins/lazy-code-highlighting.ts), so the theme's code blocks and our
 * previews are drawn through it on the server and in the browser alike.
 */
export function Highlight({
  prism = Prism,
  ...props
}: Omit<HighlightProps, 'prism'> & {prism?: HighlightProps['prism']}): ReactNode {
  return <HighlightWith prism={prism} {...props} />;
}

export {Prism};
