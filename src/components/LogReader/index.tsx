import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';

// Uses a Web Worker, Blob and the clipboard; only the page that embeds it downloads it.
const LogReaderTool = lazy(() => import('./LogReaderTool'));

/** The Web Connector log reader. Embed with `<LogReader />` under a ## heading. */
export default function LogReader(): ReactNode {
  // Space for the tool is held while it loads, so the sections below it do not jump (layout shift).
  const loading = <p style={{minHeight: '34rem'}}>Loading the log reader…</p>;
  return (
    <BrowserOnly fallback={loading}>
      {() => (
        <Suspense fallback={loading}>
          <LogReaderTool />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
