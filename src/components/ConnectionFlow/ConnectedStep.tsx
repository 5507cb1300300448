import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {SessionStep} from '../../qbwc/client';
import StepList from '../kit/session/StepList';
import type {HeardSession} from './flow-state';
import styles from './styles.module.css';

interface Props {
  heard: HeardSession;
  /** The full exchange, envelopes included, when the update was simulated in this page. */
  simulatedSteps: readonly SessionStep[] | null;
  onStartOver(): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit'});

export default function ConnectedStep({heard, simulatedSteps, onStartOver}: Props): ReactNode {
  const time = timeFormat.format(new Date(heard.startedAt));
  const simulated = simulatedSteps !== null;
  return (
    <>
      {simulated ? (
        <>
          <p className={styles.success}>
            <span className={styles.successIcon} aria-hidden="true">
              ✓
            </span>
            Simulated at {time}: this page played the Web Connector&apos;s part, and the test service accepted your user name and
            password. QuickBooks Desktop is not connected yet; nothing on your computer has changed.
          </p>
          <p>
            The real run looks the same from here: on the Windows computer, follow the steps above with the Web Connector itself.
            When it signs in, this step says so, with the time of its first update. Start over to watch for it.
          </p>
        </>
      ) : (
        <>
          <p className={styles.success}>
            <span className={styles.successIcon} aria-hidden="true">
              ✓
            </span>
            The Web Connector signed in to the test service with your password at {time}: QuickBooks Desktop and the Web Connector
            are set up correctly.
          </p>
          <p>
            With <strong>Auto-Run</strong> on, the Web Connector keeps updating on its schedule while it runs. Leave it open, or
            let it start with Windows.
          </p>
        </>
      )}
      <details className={styles.details}>
        <summary>Details of the exchange, for support and developers</summary>
        {simulatedSteps && simulatedSteps.length > 0 ? (
          <StepList steps={simulatedSteps} label="Calls in the update" />
        ) : (
          <>
            <ol className={styles.heardList} aria-label="Calls in the update">
              {heard.steps.map((step, index) => (
                <li key={`${index}-${step.method}`}>
                  <code>{step.method}</code>: {step.summary}
                </li>
              ))}
            </ol>
            <p className={styles.note}>
              The test service logs each call, but never the envelopes, since they carry your password. To see full envelopes, run
              the <Link to="/docs/tools/connection-check">connection check</Link>.
            </p>
          </>
        )}
      </details>
      <div className={styles.actionRow}>
        <button type="button" className="button button--secondary" onClick={onStartOver}>
          Start over
        </button>
        <Link className="button button--link" to="/docs/troubleshooting">
          Troubleshooting
        </Link>
      </div>
    </>
  );
}
