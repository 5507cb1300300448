import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {CHECKLIST, type ChecklistId} from './flow-state';
import styles from './styles.module.css';

interface Props {
  checklist: Record<ChecklistId, boolean>;
  onCheck(id: ChecklistId, checked: boolean): void;
}

function renderLabel(label: string, menu: string | undefined): ReactNode {
  if (!menu || !label.includes(menu)) return label;
  const at = label.indexOf(menu);
  return (
    <>
      {label.slice(0, at)}
      <strong>{menu}</strong>
      {label.slice(at + menu.length)}
    </>
  );
}

export default function PrerequisitesStep({checklist, onCheck}: Props): ReactNode {
  return (
    <>
      <p>
        Work through this list on the computer where QuickBooks Desktop runs, and tick each item when it is true. The{' '}
        <Link to="/docs/setup/prerequisites">prerequisites guide</Link> explains each one.
      </p>
      <fieldset className={styles.checklist}>
        <legend className={styles.legend}>Before you start</legend>
        {CHECKLIST.map((item) => (
          <label key={item.id} className={styles.checkItem}>
            <input type="checkbox" checked={checklist[item.id]} onChange={(event) => onCheck(item.id, event.target.checked)} />
            <span>{renderLabel(item.label, item.menu)}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
