import {useId, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import MDXContent from '@theme/MDXContent';
import EnterPassword from '@site/docs/_partials/_enter-password.mdx';
import type {FlowConnection} from './flow-state';
import {copyText} from '../kit/clipboard';
import styles from './styles.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

export default function PasswordStep({connection}: {connection: FlowConnection}): ReactNode {
  const passwordId = useId();
  const userId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  async function onCopy() {
    setCopy('idle');
    setCopy((await copyText(connection.password)) ? 'copied' : 'failed');
  }

  return (
    <>
      <p>The Web Connector sends this password with every update, so the service knows the call comes from you.</p>
      <div className={styles.credentialGrid}>
        <label htmlFor={userId} className={styles.label}>
          User name
        </label>
        <input id={userId} className={styles.readonlyField} type="text" readOnly value={connection.userName} />
        <label htmlFor={passwordId} className={styles.label}>
          Password
        </label>
        <div className={styles.copyRow}>
          <input
            ref={field}
            id={passwordId}
            className={styles.readonlyField}
            type="text"
            readOnly
            spellCheck={false}
            autoComplete="off"
            value={connection.password}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--primary" onClick={() => void onCopy()}>
            Copy password
          </button>
        </div>
      </div>
      <p role="status" className={styles.inlineStatus}>
        {copy === 'copied' && 'Password copied to the clipboard.'}
        {copy === 'failed' && 'Could not copy automatically: the password is selected in the field, press Ctrl+C to copy it.'}
      </p>
      <h3 className={styles.subheading}>Enter it in the Web Connector</h3>
      {/* The same shared steps as the guides (docs/_partials), so the flow and the pages never disagree. */}
      <MDXContent>
        <div className={styles.instructions}>
          <EnterPassword />
        </div>
      </MDXContent>
      <p>Then:</p>
      <ol className={styles.instructions}>
        <li>
          Tick the <strong>Auto-Run</strong> box on the same row, so updates keep running on their own.
        </li>
        <li>
          Click <strong>Select All</strong>, then <strong>Update Selected</strong>.
        </li>
        <li>Keep the Web Connector open and come back to this page.</li>
      </ol>
      <p>
        If the password is refused, check it with the <Link to="/docs/tools/password-check">password check</Link>.
      </p>
    </>
  );
}
