import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import type {QwcIssue, QwcModel} from '../../qbwc/qwc';
import {describeFix, issueHref, issueLinkText} from './form-state';
import styles from './styles.module.css';

interface Props {
  issues: readonly QwcIssue[];
  id?: string;
  /** Offered as a button on each issue that carries a fix. */
  onFix?: (fix: Partial<QwcModel>) => void;
  /** Rendered after the message, e.g. a "Go to the field" button. */
  renderExtra?: (issue: QwcIssue) => ReactNode;
}

/** Problems in words: the severity is written out, so colour is never the only signal. */
export default function IssueList({issues, id, onFix, renderExtra}: Props): ReactNode {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className={styles.issues}>
      {issues.map((issue, index) => {
        const href = issueHref(issue);
        return (
          <li
            key={`${issue.field}-${index}`}
            className={clsx(styles.issue, issue.severity === 'error' ? styles.error : styles.warning)}>
            <span className={styles.severity}>
              <span aria-hidden="true">{issue.severity === 'error' ? '✖ ' : '⚠ '}</span>
              {issue.severity === 'error' ? 'Error:' : 'Warning:'}
            </span>{' '}
            {issue.message}
            {href && (
              <>
                {' '}
                <Link to={href}>{issueLinkText(issue)}</Link>
              </>
            )}
            {(issue.fix && onFix) || renderExtra ? (
              <span className={styles.issueActions}>
                {issue.fix && onFix && (
                  <button
                    type="button"
                    className="button button--sm button--outline button--primary"
                    onClick={() => issue.fix && onFix(issue.fix)}>
                    {describeFix(issue.fix)}
                  </button>
                )}
                {renderExtra?.(issue)}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
