import {useEffect, useId, useState, type ReactNode} from 'react';
import {MASK_KIND_NAMES, type RedactOptions, type RedactedLog} from '../../qbwc/log/redact';
import type {LogReport} from '../../qbwc/log/diagnose';
import {copyText} from '../kit/clipboard';
import {downloadText} from '../kit/download';
import {REPORT_IDS} from './ReportView';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';

interface Props {
  redact: (options: RedactOptions) => Promise<RedactedLog>;
  source: string;
  /** A new report means a new log: the copy made for the previous one is dropped. */
  report: LogReport;
}

export const REDACTED_FILE_NAME = 'QWCLog-redacted.txt';

/** Copy or download the log with its private values masked, and see what was masked. */
export default function SharePanel({redact, source, report}: Props): ReactNode {
  const id = useId();
  const [maskHosts, setMaskHosts] = useState(false);
  const [dropXml, setDropXml] = useState(false);
  const [result, setResult] = useState<RedactedLog | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    setResult(null);
    setStatus('');
  }, [report]);

  async function redacted(): Promise<RedactedLog> {
    const made = await redact({maskHosts, dropXml});
    setResult(made);
    return made;
  }

  async function copy() {
    const made = await redacted();
    setStatus(
      (await copyText(made.text))
        ? 'Copied the redacted log. Paste it into your message to support.'
        : 'Copying was blocked by the browser: use Download the redacted log instead.',
    );
  }

  async function download() {
    const made = await redacted();
    downloadText(made.text, REDACTED_FILE_NAME, 'text/plain;charset=utf-8');
    setStatus(`Saved the redacted log as ${REDACTED_FILE_NAME}.`);
  }

  return (
    <section className={kit.panel} aria-labelledby={REPORT_IDS.share}>
      <h3 id={REPORT_IDS.share} className={kit.panelHeading}>
        Share with support
      </h3>
      <p className={kit.note}>
        Makes a copy of {source} with session tickets, user names, company file paths, e-mail addresses and the computer name in
        the company file lock replaced by masks such as <code>[user-1]</code>. The same value always gets the same mask, so
        support can still follow the log.
      </p>
      <div className={styles.checks}>
        <label htmlFor={`${id}-hosts`}>
          <input
            id={`${id}-hosts`}
            type="checkbox"
            checked={maskHosts}
            onChange={(event) => setMaskHosts(event.target.checked)}
          />{' '}
          Also mask the service’s host name (support usually needs it)
        </label>
        <label htmlFor={`${id}-xml`}>
          <input id={`${id}-xml`} type="checkbox" checked={dropXml} onChange={(event) => setDropXml(event.target.checked)} />{' '}
          Leave out the XML data (it can hold your customers’ names and addresses)
        </label>
      </div>
      <div className={styles.row}>
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy a redacted log for support
        </button>
        <button type="button" className="button button--secondary" onClick={() => void download()}>
          Download the redacted log
        </button>
      </div>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {result && (
        <>
          <h4 className={styles.appHeading}>What was masked</h4>
          {result.masks.length === 0 ? (
            <p>Nothing: no ticket, user name, company file path or e-mail address was found.</p>
          ) : (
            <ul className={styles.masks} aria-label="What was masked">
              {result.masks.map((mask) => (
                <li key={mask.mask}>
                  <code>{mask.mask}</code>: a {MASK_KIND_NAMES[mask.kind]}, {mask.count} {mask.count === 1 ? 'place' : 'places'} (
                  <span className={styles.original}>{mask.value}</span>)
                </li>
              ))}
            </ul>
          )}
          {result.droppedXmlLines > 0 && (
            <p>
              {result.droppedXmlLines} {result.droppedXmlLines === 1 ? 'line' : 'lines'} of XML left out.
            </p>
          )}
          <p className={styles.muted}>
            The original values in brackets are shown here only, so you can check the list; they are not in the copy. Read the
            copy before you send it: a value in an unusual place may not be recognised.
          </p>
        </>
      )}
    </section>
  );
}
