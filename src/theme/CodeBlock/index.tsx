import type {ReactNode} from 'react';
import type CodeBlockType from '@theme/CodeBlock';
import type {WrapperProps} from '@docusaurus/types';
import {serverRenderedPart} from '@site/src/components/kit/serverRenderedPart';
import HighlightedOnServer from './Highlighted.server';

type Props = WrapperProps<typeof CodeBlockType>;

/**
 * What shows if the block is first drawn in the browser (a page reached by a link, an envelope a
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

// Code highlighting (the CodeBlock theme component, Prism and its grammars, about 60 kB) loads only
// on pages that show code, after the page is up. The build renders the highlighted block into the
// HTML, and the browser keeps that markup until the chunk has arrived.
const CodeBlock = serverRenderedPart<Props>(() => import('./Highlighted'), {
  server: HighlightedOnServer,
  fallback: (props) => <PlainCodeBlock {...props} />,
});

export default CodeBlock;
