import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {FlowConnection} from './flow-state';
import styles from './styles.module.css';

interface Props {
  connection: FlowConnection | null;
  busy: boolean;
  error: string | null;
  /** Saved when the file was downloaded in this visit, for the confirmation under the button. */
  downloadedName: string | null;
  onDownload(): void;
  onNewConnection(): void;
}

export default function AddApplicationStep({
  connection,
  busy,
  error,
  downloadedName,
  onDownload,
  onNewConnection,
}: Props): ReactNode {
  return (
    <>
      <p>
        The .qwc file tells the Web Connector where to send its updates and which user name to use. This one is made for you: keep
        it, and don&apos;t share it.
      </p>
      <div className={styles.actionRow}>
        <button type="button" className="button button--primary" onClick={onDownload} disabled={busy}>
          {busy ? 'Preparing your file…' : 'Download the .qwc file'}
        </button>
        {connection && (
          <button type="button" className="button button--link" onClick={onNewConnection} disabled={busy}>
            Make a new file and password
          </button>
        )}
      </div>
      <div role="status" className={styles.inlineStatus}>
        {error && <p className={styles.errorText}>{error}</p>}
        {!error && downloadedName && (
          <p>
            Saved <code>{downloadedName}</code> to your downloads.
          </p>
        )}
      </div>
      {connection?.source === 'in-page' && (
        <p className={styles.note}>
          This site is served without its test service, so the file and password come from the test endpoint running in this
          browser tab. A Web Connector on another computer cannot reach it; use <strong>Simulate the Web Connector here</strong>{' '}
          in step 4 to see the flow finish.
        </p>
      )}
      <h3 className={styles.subheading}>Add the file to the Web Connector</h3>
      <ol className={styles.instructions}>
        <li>
          In the Web Connector, choose <strong>File &gt; Add an Application</strong>.
        </li>
        <li>
          Select the .qwc file you downloaded
          {connection ? (
            <>
              {' '}
              (<code>{connection.qwcFileName}</code>)
            </>
          ) : null}
          , click <strong>Open</strong>, then click <strong>OK</strong> in the window that asks whether to add it.
        </li>
        <li>
          QuickBooks shows its <strong>Application Certificate</strong> window, naming the test application (its name ends in
          &ldquo;test&rdquo;). Choose <strong>Yes, always; allow access even if QuickBooks is not running</strong>, then click{' '}
          <strong>Continue...</strong>.
        </li>
        <li>
          If QuickBooks asks you to confirm access, click <strong>Yes</strong>, then <strong>Done</strong>.
        </li>
        <li>Check that the Web Connector now lists a new row with your company name.</li>
      </ol>
      <p>
        If the download or the file is blocked, ask your system administrator, or read{' '}
        <Link to="/docs/setup/configure-connector">Configure the Web Connector</Link> for each window in detail.
      </p>
    </>
  );
}
