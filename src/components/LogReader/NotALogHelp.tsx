import type {ReactNode} from 'react';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';

interface Props {
  empty: boolean;
  source: string;
}

/** What a Web Connector log looks like and where to find it, for text that is not one. */
export default function NotALogHelp({empty, source}: Props): ReactNode {
  return (
    <section className={kit.panel} aria-labelledby="log-not-a-log">
      <h3 id="log-not-a-log" className={kit.panelHeading}>
        {empty ? `${source} holds no text` : `${source} is not a Web Connector log`}
      </h3>
      <p>
        {empty
          ? 'There is nothing to read. '
          : 'It has none of the timestamps, QBWC codes or messages the Web Connector writes, so there is nothing to diagnose. '}
        The Web Connector’s log is a text file in which each line starts with a date, a time in UTC and the part of the Web
        Connector that wrote it, for example:
      </p>
      <pre className={styles.sample}>{'20250519.13:33:54 UTC\t: QBWebConnector.SOAPWebService.do_authenticate() : Done.'}</pre>
      <p>To get it:</p>
      <ol>
        <li>
          In the Web Connector window, click <strong>View Logs</strong> to open the log, select all of it (<strong>Ctrl+A</strong>
          ), copy it (<strong>Ctrl+C</strong>) and paste it here.
        </li>
        <li>
          Or choose the file itself: <code>C:\ProgramData\Intuit\QBWebConnector\log\QWCLog.txt</code>.
        </li>
      </ol>
      <p>
        The text of an error window (with <em>Version</em>, <em>Message</em> and <em>Description</em>) or a single line with a
        code such as QBWC1039 can be pasted too. For more detail in the log, see <a href="#verbose">verbose logging</a>.
      </p>
    </section>
  );
}
