import type {ReactNode} from 'react';
import useLandOnHashTarget from '@site/src/components/kit/useLandOnHashTarget';
import '@site/src/components/kit/hash-target.css';

/** Wraps every page, once: a deep link lands on its entry however the page grows while it loads. */
export default function Root({children}: {children: ReactNode}): ReactNode {
  useLandOnHashTarget();
  return <>{children}</>;
}
