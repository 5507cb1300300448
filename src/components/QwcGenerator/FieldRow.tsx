import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {qwcElement, type QwcIssue, type QwcModel} from '../../qbwc/qwc';
import {referenceHref} from './form-state';
import IssueList from './IssueList';
import styles from './styles.module.css';

export interface ControlProps {
  id: string;
  'aria-describedby': string;
  'aria-invalid': boolean;
}

interface Props {
  field: keyof QwcModel;
  controlId: string;
  issues: readonly QwcIssue[];
  onFix: (fix: Partial<QwcModel>) => void;
  /** The control itself, given the ids that tie it to its help text and problems. */
  children: (control: ControlProps) => ReactNode;
  /** Rendered beside the control, e.g. a "Generate" button. */
  after?: ReactNode;
}

/** One .qwc element: label, control, what it means, and its problems right below it. */
export default function FieldRow({field, controlId, issues, onFix, children, after}: Props): ReactNode {
  const {element, label, help, required} = qwcElement(field);
  const helpId = `${controlId}-help`;
  const issuesId = `${controlId}-issues`;
  const describedBy = issues.length > 0 ? `${issuesId} ${helpId}` : helpId;
  const optional = required === 'no' ? ' (optional)' : required === 'element' ? ' (may be empty)' : '';
  return (
    <div className={styles.field}>
      <label htmlFor={controlId} className={styles.label}>
        {label}
        <span className={styles.muted}>{optional}</span> <code className={styles.element}>{element}</code>
      </label>
      <div className={styles.controlRow}>
        {children({
          id: controlId,
          'aria-describedby': describedBy,
          'aria-invalid': issues.some((issue) => issue.severity === 'error'),
        })}
        {after}
      </div>
      <IssueList id={issuesId} issues={issues} onFix={onFix} />
      <p id={helpId} className={styles.help}>
        {help} <Link to={referenceHref(field)}>More about {element}</Link>
      </p>
    </div>
  );
}
