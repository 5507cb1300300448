import type {ReactNode} from 'react';
import clsx from 'clsx';
import useBranding from '@site/src/components/kit/useBranding';
import {DrawnButton, DrawnCheckbox, DrawnFigure, Mark} from './shared';
import styles from './styles.module.css';

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
