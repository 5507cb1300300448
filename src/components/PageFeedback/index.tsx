import {useEffect, useId, useState, type ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import styles from './styles.module.css';

type Answer = 'yes' | 'no';

const STORAGE_PREFIX = 'qbwc-help:feedback:';

/**
 * "Was this page helpful?" The answer stays in this browser (nothing is sent anywhere yet); the
 * thanks is announced through a live region so screen-reader users hear that it worked.
 */
export default function PageFeedback(): ReactNode {
  const {pathname} = useLocation();
  const headingId = useId();
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(STORAGE_PREFIX + pathname);
      setAnswer(saved === 'yes' || saved === 'no' ? saved : null);
    } catch {
      setAnswer(null);
    }
  }, [pathname]);

  function choose(value: Answer) {
    setAnswer(value);
    try {
      window.localStorage.setItem(STORAGE_PREFIX + pathname, value);
    } catch {
      // Private browsing can refuse storage; the thanks still shows.
    }
  }

  return (
    <section className={styles.feedback} aria-labelledby={headingId} data-print="hide">
      <h2 id={headingId} className={styles.question}>
        Was this page helpful?
      </h2>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--outline button--primary button--sm"
          aria-pressed={answer === 'yes'}
          onClick={() => choose('yes')}>
          Yes
        </button>
        <button
          type="button"
          className="button button--outline button--primary button--sm"
          aria-pressed={answer === 'no'}
          onClick={() => choose('no')}>
          No
        </button>
      </div>
      <p role="status" className={styles.status}>
        {answer === 'yes' && 'Thanks for telling us. Glad it helped.'}
        {answer === 'no' && 'Thanks for telling us. We will use it to improve this page.'}
      </p>
    </section>
  );
}
