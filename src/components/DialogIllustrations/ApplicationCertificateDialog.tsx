import type {ReactNode} from 'react';
import clsx from 'clsx';
import useBranding from '@site/src/components/kit/useBranding';
import {
  DrawnButton,
  DrawnCheckbox,
  DrawnFigure,
  DrawnRadio,
  Mark,
  certificateChoiceLabels,
  certificateChoices,
  personalDataLabel,
  type CertificateChoice,
} from './shared';
import styles from './styles.module.css';

export interface ApplicationCertificateDialogProps {
  /** The answer drawn as selected and marked "Choose this"; null marks none. Defaults to 'always'. */
  choose?: CertificateChoice | null;
  /** The QuickBooks user shown in "Login as:". */
  loginUser?: string;
  /** Whether the personal-data box is drawn ticked (and the caption asks to tick it). */
  personalData?: boolean;
  /** The company file the window asks about. */
  companyName?: string;
  /** Marks the company name instead, for "check this is the file you expect". */
  checkCompany?: boolean;
  /** Replaces the caption worked out from the other props. */
  caption?: ReactNode;
}

/** QuickBooks' Application Certificate window: the four access choices, "Login as:" and personal data. */
export function ApplicationCertificateDialog({
  choose = 'always',
  loginUser = 'Admin',
  personalData = false,
  companyName = 'Your company file',
  checkCompany = false,
  caption,
}: ApplicationCertificateDialogProps): ReactNode {
  const {appName} = useBranding();
  const chosen = choose === null ? undefined : certificateChoiceLabels[choose];
  const description = [
    `Drawing of the QuickBooks Application Certificate window. ${appName} asks for access to the company file named “${companyName}”.`,
    checkCompany ? 'The company file name is marked: check this.' : '',
    `Choices, in order: ${certificateChoices.map((c) => certificateChoiceLabels[c]).join('; ')}.`,
    chosen ? `Marked to choose: ${chosen}.` : '',
    `Login as: ${loginUser}.`,
    `Personal data box: ${personalData ? 'ticked' : 'not ticked'}.`,
    'Buttons: Continue..., Cancel, Help.',
  ]
    .filter(Boolean)
    .join(' ');
  const defaultCaption = (
    <>
      The <strong>Application Certificate</strong> window
      {checkCompany ? ', with the company file name marked: it must be the file you meant to connect' : ''}
      {chosen ? `${checkCompany ? ', and' : ', with'} the answer to choose marked` : ''}.
    </>
  );
  return (
    <DrawnFigure
      title="QuickBooks - Application Certificate"
      description={description}
      caption={caption ?? defaultCaption}
      sketch>
      <p className={styles.text}>An application is requesting access to the following QuickBooks company file:</p>
      <Mark active={checkCompany} badge="Check this" className={styles.valueLine}>
        <strong>{companyName}</strong>
      </Mark>
      <p className={styles.text}>
        The application calls itself: <strong>{appName}</strong>
      </p>
      <div className={styles.choices}>
        {certificateChoices.map((choice) => (
          <Mark key={choice} active={choice === choose} badge="Choose this" className={styles.choice}>
            <DrawnRadio on={choice === choose} />
            <span>{certificateChoiceLabels[choice]}</span>
          </Mark>
        ))}
        <div className={clsx(styles.choice, styles.indented)}>
          <span>Login as:</span>
          <span className={styles.select}>{loginUser} ▾</span>
        </div>
      </div>
      <div className={styles.choice}>
        <DrawnCheckbox on={personalData} />
        <span>{personalDataLabel}</span>
      </div>
      <div className={styles.buttonRow}>
        <DrawnButton>Continue...</DrawnButton>
        <DrawnButton>Cancel</DrawnButton>
        <DrawnButton>Help</DrawnButton>
      </div>
    </DrawnFigure>
  );
}
