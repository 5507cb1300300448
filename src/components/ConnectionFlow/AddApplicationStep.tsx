import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import MDXContent from '@theme/MDXContent';
import AddApplication from '@site/docs/_partials/_add-application.mdx';
import ApproveAccess from '@site/docs/_partials/_approve-access.mdx';
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
      {connection && (
        <p>
          Your file is <code>{connection.qwcFileName}</code>.
        </p>
      )}
      {/* The same shared steps as the guides (docs/_partials), so the flow and the pages never disagree. */}
      <MDXContent>
        <div className={styles.instructions}>
          <AddApplication />
        </div>
      </MDXContent>
      <h3 className={styles.subheading}>Approve access in QuickBooks</h3>
      <MDXContent>
        <div className={styles.instructions}>
          <ApproveAccess />
        </div>
      </MDXContent>
      <p>Then check that the Web Connector lists a new row with your company name.</p>
      <p>
        If the download or the file is blocked, ask your system administrator, or read{' '}
        <Link to="/docs/setup/configure-connector">Configure the Web Connector</Link> for each window in detail.
      </p>
    </>
  );
}
