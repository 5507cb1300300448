import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {SessionStep} from '../../qbwc/client';
import StepList from '../ConnectionCheck/StepList';
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
  return (
    <>
      <p className={styles.success}>
        <span className={styles.successIcon} aria-hidden="true">
          ✓
        </span>
        The Web Connector signed in with your password at {timeFormat.format(new Date(heard.startedAt))}. QuickBooks Desktop is
        connected.
      </p>
      <p>
        With <strong>Auto-Run</strong> on, the Web Connector keeps updating on its schedule while it runs. Leave it open, or let
        it start with Windows.
      </p>
      <h3 className={styles.subheading}>What was exchanged</h3>
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
