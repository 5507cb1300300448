import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import styles from './styles.module.css';

// Loaded on demand: pages without the check never download it, and the server never renders it.
const ConnectionCheckApp = lazy(() => import('./ConnectionCheckApp'));

function Loading(): ReactNode {
  return <p className={styles.fallback}>Loading the connection check…</p>;
}

/** The connection check widget, for MDX pages: `<ConnectionCheck />`. */
export default function ConnectionCheck(): ReactNode {
  return (
    <BrowserOnly fallback={<Loading />}>
      {() => (
        <Suspense fallback={<Loading />}>
          <ConnectionCheckApp />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
