import {lazy, Suspense, type ReactNode} from 'react';
import type CodeBlockType from '@theme/CodeBlock';
import type {WrapperProps} from '@docusaurus/types';

type Props = WrapperProps<typeof CodeBlockType>;

// Code highlighting (the CodeBlock theme component, Prism and its grammars, about 60 kB) loads only
// on pages that show code. The build renders the highlighted block into the HTML; while the chunk
// loads in the browser, that HTML stays in place (React keeps the server markup of a suspended part
// while it hydrates).
const HighlightedCodeBlock = lazy(() => import('./Highlighted'));

/**
 * What shows if the block is first rendered in the browser (a client-side navigation, an envelope a
 * widget opens) until Prism arrives. Like the theme's block, it is focusable, so a keyboard user can
 * scroll a long line.
 */
function PlainCodeBlock({children}: Props): ReactNode {
  return (
    <pre tabIndex={0}>
      <code>{children}</code>
    </pre>
  );
}

export default function CodeBlock(props: Props): ReactNode {
  return (
    <Suspense fallback={<PlainCodeBlock {...props} />}>
      <HighlightedCodeBlock {...props} />
    </Suspense>
  );
}
