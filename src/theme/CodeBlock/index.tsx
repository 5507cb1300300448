import {lazy, Suspense, type ReactNode} from 'react';
import type CodeBlockType from '@theme/CodeBlock';
import type {WrapperProps} from '@docusaurus/types';

type Props = WrapperProps<typeof CodeBlockType>;

// Code highlighting (the CodeBlock theme component, Prism and its grammars, about 60 kB) loads only
// on pages that show code. The build renders the highlighted block into the HTML; while the chunk
// loads in the browser, that HTML stays in place (Preact keeps server markup of a suspended part).
const HighlightedCodeBlock = lazy(() => import('./Highlighted'));

/** What shows if the block is first rendered in the browser (a client-side navigation) until Prism arrives. */
function PlainCodeBlock({children}: Props): ReactNode {
  return (
    <pre>
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
