import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';

// The tool uses window, crypto, Blob and the clipboard, and only its own page should pay for it.
const QwcTool = lazy(() => import('./QwcTool'));

interface Props {
  /** Heading level of the tool's sections (3 by default, under the page's own ## heading). */
  headingLevel?: 2 | 3;
}

/** The .qwc inspector and generator. Embed anywhere with `<QwcGenerator />`. */
export default function QwcGenerator({headingLevel}: Props): ReactNode {
  // Space for the tool is held while it loads, so the sections below it do not jump (layout shift).
  const loading = <p style={{minHeight: '60rem'}}>Loading the .qwc generator…</p>;
  return (
    <BrowserOnly fallback={loading}>
      {() => (
        <Suspense fallback={loading}>
          <QwcTool headingLevel={headingLevel} />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
