import type {ReactNode} from 'react';
import clsx from 'clsx';
import useBranding from '@site/src/components/kit/useBranding';
import {DrawnButton, DrawnCheckbox, DrawnFigure, Mark} from './shared';
import styles from './styles.module.css';

export type WebConnectorMark = 'row' | 'select' | 'password' | 'auto-run' | 'select-all' | 'update-selected';

export interface WebConnectorWindowProps {
  /**
   * The element or elements marked for the reader, for a step that uses several (tick the row, then
   * Update Selected); null marks none. Defaults to the Password cell.
   */
  mark?: WebConnectorMark | readonly WebConnectorMark[] | null;
  /** The company file named in the row's description. */
  companyName?: string;
  /** Whether a password is already saved (drawn as dots) or the cell is still blank. */
  passwordSaved?: boolean;
  /** Whether the Select box of the row is ticked. */
  selected?: boolean;
  /** Whether Auto-Run is drawn ticked; by default it is, except in the drawing that asks you to tick it. */
  autoRun?: boolean;
  everyMin?: string;
  status?: string;
  lastResult?: string;
  caption?: ReactNode;
}

const webConnectorMarkWords: Record<WebConnectorMark, string> = {
  row: 'the new row for your company file',
  select: 'the Select box of that row',
  password: 'the Password cell of that row',
  'auto-run': 'the Auto-Run box of that row',
  'select-all': 'the Select All button',
  'update-selected': 'the Update Selected button',
};

const webConnectorColumns = [
  'Select',
  'Application',
  'Description',
  'Password',
  'Status',
  'Auto-Run',
  'Every_Min',
  'Last Result',
] as const;

/** The QuickBooks Web Connector window: one application row and the buttons below the list. */
export function WebConnectorWindow({
  mark = 'password',
  companyName = 'Your company file',
  passwordSaved = false,
  selected = false,
  autoRun,
  everyMin = '',
  status = '',
  lastResult = '',
  caption,
}: WebConnectorWindowProps): ReactNode {
  const {appName, productName} = useBranding();
  const marks: readonly WebConnectorMark[] = mark === null ? [] : typeof mark === 'string' ? [mark] : mark;
  const isMarked = (which: WebConnectorMark): boolean => marks.includes(which);
  const autoRunTicked = autoRun ?? !isMarked('auto-run');
  const descriptionText = `${companyName} – ${productName}`;
  const description = [
    'Drawing of the QuickBooks Web Connector window with one application row.',
    `Application: ${appName}. Description: ${descriptionText}.`,
    `Select box ${selected ? 'ticked' : 'not ticked'}. Password: ${passwordSaved ? 'saved, shown as dots' : 'blank'}.`,
    `Auto-Run ${autoRunTicked ? 'ticked' : 'not ticked'}.`,
    everyMin ? `Every_Min: ${everyMin}.` : '',
    status ? `Status: ${status}.` : '',
    lastResult ? `Last Result: ${lastResult}.` : '',
    'Buttons: Update Selected, Select All, Unselect All, Remove.',
    marks.length > 0 ? `Marked: ${marks.map((m) => webConnectorMarkWords[m]).join(', then ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const defaultCaption =
    marks.length === 0 ? null : (
      <>
        The Web Connector window with {marks.map((m) => webConnectorMarkWords[m]).join(' and ')} marked
        {isMarked('row') && (
          <>
            : a row for <strong>{appName}</strong> that names your company file
          </>
        )}
        .
      </>
    );
  const cells: Record<(typeof webConnectorColumns)[number], ReactNode> = {
    Select: <DrawnCheckbox on={selected} />,
    Application: appName,
    Description: descriptionText,
    Password: passwordSaved ? '••••••••' : '',
    Status: status,
    'Auto-Run': <DrawnCheckbox on={autoRunTicked} />,
    Every_Min: everyMin,
    'Last Result': lastResult,
  };
  const cellMarks: Partial<Record<(typeof webConnectorColumns)[number], {on: boolean; badge: string}>> = {
    Select: {on: isMarked('select'), badge: 'Tick this'},
    Password: {on: isMarked('password'), badge: 'Paste here'},
    'Auto-Run': {on: isMarked('auto-run'), badge: 'Tick this'},
  };
  return (
    <DrawnFigure title="QuickBooks Web Connector" description={description} caption={caption ?? defaultCaption} wide>
      <div className={styles.grid}>
        <div className={clsx(styles.gridRow, styles.gridHeader)}>
          {webConnectorColumns.map((column) => (
            <span key={column} className={styles.gridCell}>
              {column}
            </span>
          ))}
        </div>
        <Mark active={isMarked('row')} badge="Your new row" className={styles.gridRow}>
          {webConnectorColumns.map((column) => (
            <Mark
              key={column}
              active={cellMarks[column]?.on ?? false}
              badge={cellMarks[column]?.badge ?? ''}
              className={clsx(styles.gridCell, styles.markableCell, column === 'Password' && styles.passwordCell)}>
              <span className={styles.cellLabel}>{column}</span>
              <span className={styles.cellValue}>{cells[column]}</span>
            </Mark>
          ))}
        </Mark>
      </div>
      <div className={styles.buttonRow}>
        <Mark active={isMarked('update-selected')} badge="Click this" inline>
          <DrawnButton>Update Selected</DrawnButton>
        </Mark>
        <Mark active={isMarked('select-all')} badge="Click this" inline>
          <DrawnButton>Select All</DrawnButton>
        </Mark>
        <DrawnButton>Unselect All</DrawnButton>
        <DrawnButton>Remove</DrawnButton>
      </div>
    </DrawnFigure>
  );
}
