import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {useLocation} from '@docusaurus/router';
import useSiteEndpoint from '@site/src/components/kit/useSiteEndpoint';
import {windowFetch} from '@site/src/components/kit/fetch-like';
import {TROUBLESHOOTING_PATH} from '@site/src/qbwc/troubleshooting-path';
import {sendFeedback, type FeedbackAnswer} from './send-feedback';
import styles from './styles.module.css';

const STORAGE_PREFIX = 'qbwc-help:feedback:';

/** What the status line says: after a vote in this visit, or an answer remembered from an earlier one. */
type Status =
  | {kind: 'none'}
  | {kind: 'remembered'}
  | {kind: 'sending'}
  | {kind: 'sent'}
  | {kind: 'not-collected'}
  | {kind: 'failed'; reason: string};

function statusText(status: Status, answer: FeedbackAnswer | null): string {
  switch (status.kind) {
    case 'none':
      return '';
    case 'remembered':
      return `You answered ${answer === 'yes' ? 'Yes' : 'No'} on this page before, in this browser.`;
    case 'sending':
      return 'Sending your answer…';
    case 'sent':
      return 'Sent. Thanks for telling us: your answer was recorded for this page.';
    case 'not-collected':
      return 'Thanks. This site does not collect these answers, so yours stays in this browser and was not sent to anyone.';
    case 'failed':
      return `Your answer could not be sent (${status.reason}). It is kept in this browser only; choose an answer again to retry.`;
  }
}

/**
 * "Was this page helpful?" The answer is always kept in this browser. It is sent to this site's
 * server only when the server says it records answers (FEEDBACK_FILE, see src/endpoint/feedback.ts),
 * and the status line says which happened, through a live region so screen-reader users hear it.
 */
export default function PageFeedback(): ReactNode {
  const {pathname} = useLocation();
  const {branding, basePath} = useSiteEndpoint();
  const {productName, supportUrl} = branding;
  const headingId = useId();
  const [answer, setAnswer] = useState<FeedbackAnswer | null>(null);
  const [status, setStatus] = useState<Status>({kind: 'none'});
  // Only the latest vote on the current page may set the status.
  const latest = useRef(0);

  useEffect(() => {
    latest.current += 1;
    let saved: string | null = null;
    try {
      saved = window.localStorage.getItem(STORAGE_PREFIX + pathname);
    } catch {
      saved = null;
    }
    const remembered = saved === 'yes' || saved === 'no' ? saved : null;
    setAnswer(remembered);
    setStatus(remembered ? {kind: 'remembered'} : {kind: 'none'});
  }, [pathname]);

  function choose(value: FeedbackAnswer) {
    setAnswer(value);
    try {
      window.localStorage.setItem(STORAGE_PREFIX + pathname, value);
    } catch {
      // Private browsing can refuse storage; the vote is still sent where this site records votes.
    }
    const vote = ++latest.current;
    setStatus({kind: 'sending'});
    void sendFeedback(windowFetch, `${window.location.origin}${basePath}`, {page: pathname, answer: value}).then((outcome) => {
      if (vote === latest.current) setStatus(outcome);
    });
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
        {statusText(status, answer)}
      </p>
      {answer === 'no' && (
        <p className={styles.help}>
          Still stuck? Look up the code or message you saw in the <Link to={TROUBLESHOOTING_PATH}>troubleshooting catalogue</Link>
          , or ask <Link href={supportUrl}>{productName} support</Link>.
        </p>
      )}
    </section>
  );
}
