import type {ReactNode} from 'react';
import useBranding from '@site/src/components/kit/useBranding';
import {DrawnButton, DrawnFigure, Mark, certificateChoiceLabels, quoted, type CertificateChoice} from './shared';
import styles from './styles.module.css';

export interface AccessConfirmationDialogProps {
  /** The access chosen in the Application Certificate window, repeated in the summary. */
  access?: CertificateChoice;
  loginUser?: string;
  personalData?: boolean;
  /** Which button is marked to click; null marks none. */
  mark?: 'done' | 'cancel' | null;
  caption?: ReactNode;
}

/** The Access Confirmation window QuickBooks shows after Continue...: a summary and the Done button. */
export function AccessConfirmationDialog({
  access = 'always',
  loginUser = 'Admin',
  personalData = false,
  mark = 'done',
  caption,
}: AccessConfirmationDialogProps): ReactNode {
  const {appName} = useBranding();
  const accessLabel = certificateChoiceLabels[access];
  const rows: [string, string][] = [
    ['Application', appName],
    ['Access', accessLabel],
    ...(access === 'always' ? ([['Login as', loginUser]] as [string, string][]) : []),
    ['Personal data', personalData ? 'Allowed' : 'Not allowed'],
  ];
  const description =
    `Drawing of the QuickBooks Access Confirmation window. It sums up the access you granted: ` +
    rows.map(([name, value]) => `${name}: ${value}`).join('; ') +
    `. Buttons: Done, Cancel.${mark ? ` Marked to click: ${mark === 'done' ? 'Done' : 'Cancel'}.` : ''}`;
  const defaultCaption = (
    <>
      The <strong>Access Confirmation</strong> window, repeating the access you chose ({quoted(accessLabel)}).
    </>
  );
  return (
    <DrawnFigure title="Access Confirmation" description={description} caption={caption ?? defaultCaption} sketch>
      <p className={styles.text}>You are allowing this application to read and modify your company file:</p>
      <dl className={styles.summary}>
        {rows.map(([name, value]) => (
          <div key={name} className={styles.summaryRow}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.buttonRow}>
        <Mark active={mark === 'done'} badge="Click this" inline>
          <DrawnButton>Done</DrawnButton>
        </Mark>
        <Mark active={mark === 'cancel'} badge="Click this" inline>
          <DrawnButton>Cancel</DrawnButton>
        </Mark>
      </div>
    </DrawnFigure>
  );
}
