import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';

// Uses window, crypto and the clipboard; only pages that embed it download it.
const PasswordTool = lazy(() => import('./PasswordTool'));

interface Props {
  /** Heading level of the tool's sections (3 by default, under the page's own ## heading). */
  headingLevel?: 2 | 3;
}

/** The password check, verifier and generator. Embed anywhere with `<PasswordCheck />`. */
export default function PasswordCheck({headingLevel}: Props): ReactNode {
  const loading = <p>Loading the password check…</p>;
  return (
    <BrowserOnly fallback={loading}>
      {() => (
        <Suspense fallback={loading}>
          <PasswordTool headingLevel={headingLevel} />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
