import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import styles from './styles.module.css';

// The flow needs window, localStorage and the in-page endpoint: browser only, and loaded on demand.
const ConnectionFlowApp = lazy(() => import('./ConnectionFlowApp'));

function Loading(): ReactNode {
  return <p className={styles.fallback}>Loading the connection steps…</p>;
}

/** The guided connection flow: checklist, .qwc download, password, and the wait for the first update. */
export default function ConnectionFlow(): ReactNode {
  return (
    <BrowserOnly fallback={<Loading />}>
      {() => (
        <Suspense fallback={<Loading />}>
          <ConnectionFlowApp />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
