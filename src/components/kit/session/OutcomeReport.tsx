import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import clsx from 'clsx';
import type {OutcomeReport as Report} from './check-state';
import kit from '../kit.module.css';
import styles from './styles.module.css';

const toneIcons: Record<Report['tone'], string> = {success: '✓', note: 'i', error: '✕'};
const toneWords: Record<Report['tone'], string> = {success: 'Success', note: 'Note', error: 'Problem'};

/** A finished check in words: what happened, what to try, and the entry that explains it. */
export default function OutcomeReport({report}: {report: Report}): ReactNode {
  return (
    <div className={clsx(styles.outcome, styles[`outcome-${report.tone}`])}>
      <p className={styles.outcomeHeadline}>
        <span className={styles.outcomeIcon} aria-hidden="true">
          {toneIcons[report.tone]}
        </span>
        <span className={kit.srOnly}>{toneWords[report.tone]}: </span>
        {report.headline}
      </p>
      <p>{report.detail}</p>
      {report.advice.length > 0 && (
        <>
          <p className={styles.adviceTitle}>What to try</p>
          <ul className={styles.advice}>
            {report.advice.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {report.troubleshooting && (
        <p className={styles.outcomeLink}>
          <Link to={report.troubleshooting.href}>
            {report.tone === 'error' ? 'How to fix it' : 'Read more'}: {report.troubleshooting.title}
          </Link>
        </p>
      )}
    </div>
  );
}
