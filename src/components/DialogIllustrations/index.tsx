import type {ReactNode} from 'react';
import clsx from 'clsx';
import useBranding from '@site/src/components/kit/useBranding';
import styles from './styles.module.css';

/*
 * Drawings of the QuickBooks and Web Connector windows a reader meets during setup. They are drawn
 * in HTML and CSS rather than screenshots so they follow the theme, scale to a phone, and carry the
 * site's configurable product name. Every drawing is one image to assistive technology (role="img"
 * with a full description); the controls inside are pictures, never real, focusable form controls.
 */

/** The four answers of the Application Certificate window, in the order QuickBooks lists them. */
export type CertificateChoice = 'no' | 'prompt' | 'when-open' | 'always';

export const certificateChoiceLabels: Record<CertificateChoice, string> = {
  no: 'No',
  prompt: 'Yes, prompt each time',
  'when-open': 'Yes, whenever this QuickBooks company file is open',
  always: 'Yes, always; allow access even if QuickBooks is not running',
};

const certificateChoices: readonly CertificateChoice[] = ['no', 'prompt', 'when-open', 'always'];

export const personalDataLabel =
  'Allow this application to access personal data such as Social Security Numbers and customer credit card information.';

interface DrawnFigureProps {
  /** What the drawing shows, read out as the image's description. */
  description: string;
  caption: ReactNode;
  title: string;
  children: ReactNode;
  wide?: boolean;
  /**
   * Set when some of the drawn text is not the window's exact wording (no source gives it): the
   * caption then says the drawing is a sketch, so nobody looks for those words on screen.
   */
  sketch?: boolean;
}

const sketchNote =
  'A sketch: the choices, boxes and buttons carry the window’s own labels; its other text may be worded differently.';

function DrawnFigure({description, caption, title, children, wide = false, sketch = false}: DrawnFigureProps): ReactNode {
  return (
    <figure className={styles.figure}>
      <div className={clsx(styles.window, wide && styles.wideWindow)} role="img" aria-label={description}>
        <div aria-hidden="true">
          <div className={styles.titleBar}>
            <span className={styles.titleText}>{title}</span>
            <span className={styles.closeBox}>×</span>
          </div>
          <div className={styles.body}>{children}</div>
        </div>
      </div>
      <figcaption className={styles.caption}>
        {caption}
        {sketch && <span className={styles.sketchNote}> {sketchNote}</span>}
      </figcaption>
    </figure>
  );
}

interface MarkProps {
  /** Draws the outline and badge only when true, so callers can mark one element of many. */
  active: boolean;
  badge: string;
  children: ReactNode;
  className?: string;
  inline?: boolean;
}

/** The highlight: a thick outline plus a text badge, so the mark never depends on colour alone. */
function Mark({active, badge, children, className, inline = false}: MarkProps): ReactNode {
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className={clsx(className, active && styles.marked, inline && styles.markInline)}>
      {children}
      {active && <span className={styles.badge}>{badge}</span>}
    </Tag>
  );
}

function DrawnRadio({on}: {on: boolean}): ReactNode {
  return <span className={clsx(styles.radio, on && styles.radioOn)} />;
}

function DrawnCheckbox({on}: {on: boolean}): ReactNode {
  return <span className={styles.checkbox}>{on ? '✓' : ''}</span>;
}

function DrawnButton({children}: {children: ReactNode}): ReactNode {
  return <span className={styles.button}>{children}</span>;
}

function quoted(text: string): string {
  return `“${text}”`;
}

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

export type PreferencesMark = 'company-tab' | 'app' | 'remove' | 'properties';

export interface IntegratedApplicationsPreferencesProps {
  /** The tab drawn open. Defaults to Company Preferences, where the app list lives. */
  tab?: 'my' | 'company';
  /** The element marked for the reader; null marks none. Defaults to the Remove button. */
  mark?: PreferencesMark | null;
  /** Application names in the list; defaults to this site's app name. The first row is the selected one. */
  apps?: readonly string[];
  caption?: ReactNode;
}

const preferenceCategories = [
  'Accounting',
  'Bills',
  'Checking',
  'Desktop View',
  'General',
  'Integrated Applications',
  'Items & Inventory',
  'Payroll & Employees',
  'Reports & Graphs',
];

const preferencesMarkWords: Record<PreferencesMark, string> = {
  'company-tab': 'the Company Preferences tab',
  app: 'the application in the list',
  remove: 'the Remove button',
  properties: 'the Properties... button',
};

/** QuickBooks' Preferences window on Integrated Applications, with its two tabs and the app list. */
export function IntegratedApplicationsPreferences({
  tab = 'company',
  mark = 'remove',
  apps,
  caption,
}: IntegratedApplicationsPreferencesProps): ReactNode {
  const {appName} = useBranding();
  const listed = apps ?? [appName];
  const selectedApp = listed[0] ?? appName;
  const description = [
    'Drawing of the QuickBooks Preferences window with Integrated Applications selected in the list on the left.',
    `Tabs: My Preferences and Company Preferences; the ${tab === 'company' ? 'Company Preferences' : 'My Preferences'} tab is open.`,
    tab === 'company'
      ? `Applications allowed to access this company file: ${listed.join(', ')}. Buttons beside the list: Remove and Properties...`
      : 'This tab has no settings; the application list is on the Company Preferences tab.',
    mark ? `Marked: ${preferencesMarkWords[mark]}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const defaultCaption = (
    <>
      QuickBooks' Preferences window on <strong>Integrated Applications</strong>, {tab === 'company' ? 'Company' : 'My'}{' '}
      Preferences tab{mark ? `, with ${preferencesMarkWords[mark]} marked` : ''}
      {mark === 'app' || mark === 'remove' || mark === 'properties' ? ` (${selectedApp} is the selected row)` : ''}.
    </>
  );
  const badge = mark === 'app' ? 'Select this' : 'Click this';
  return (
    <DrawnFigure title="Preferences" description={description} caption={caption ?? defaultCaption} wide sketch>
      <div className={styles.preferences}>
        <ul className={styles.categories}>
          {preferenceCategories.map((category) => (
            <li key={category} className={clsx(category === 'Integrated Applications' ? styles.categoryOn : styles.categoryOff)}>
              {category}
            </li>
          ))}
        </ul>
        <div className={styles.pane}>
          <div className={styles.tabs}>
            <span className={clsx(styles.tab, tab === 'my' && styles.tabOn)}>My Preferences</span>
            <Mark active={mark === 'company-tab'} badge="Click this" inline>
              <span className={clsx(styles.tab, tab === 'company' && styles.tabOn)}>Company Preferences</span>
            </Mark>
          </div>
          {tab === 'company' ? (
            <div className={styles.tabBody}>
              <div className={styles.choice}>
                <DrawnCheckbox on={false} />
                <span>Don&apos;t allow any applications to access this company file</span>
              </div>
              <div className={styles.choice}>
                <DrawnCheckbox on />
                <span>Notify the user before running any application whose certificate has expired</span>
              </div>
              <p className={styles.text}>Applications that have previously requested access to this company file:</p>
              <div className={styles.appArea}>
                <div className={styles.appList}>
                  <div className={clsx(styles.appRow, styles.appHeader)}>
                    <span>Allow Access</span>
                    <span>Application Name</span>
                  </div>
                  {listed.map((name, index) => (
                    <Mark
                      key={`${name}-${index}`}
                      active={mark === 'app' && index === 0}
                      badge={badge}
                      className={clsx(styles.appRow, index === 0 && styles.appRowSelected)}>
                      <span>
                        <DrawnCheckbox on />
                      </span>
                      <span>{name}</span>
                    </Mark>
                  ))}
                </div>
                <div className={styles.sideButtons}>
                  <Mark active={mark === 'remove'} badge="Click this" inline>
                    <DrawnButton>Remove</DrawnButton>
                  </Mark>
                  <Mark active={mark === 'properties'} badge="Click this" inline>
                    <DrawnButton>Properties...</DrawnButton>
                  </Mark>
                </div>
              </div>
            </div>
          ) : (
            <div className={styles.tabBody}>
              <p className={styles.text}>
                There are no personal settings for integrated applications. The list of applications is on the Company Preferences
                tab.
              </p>
            </div>
          )}
          <div className={styles.buttonRow}>
            <DrawnButton>OK</DrawnButton>
            <DrawnButton>Cancel</DrawnButton>
            <DrawnButton>Help</DrawnButton>
          </div>
        </div>
      </div>
    </DrawnFigure>
  );
}

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
