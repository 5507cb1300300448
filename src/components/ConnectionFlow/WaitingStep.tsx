import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {CheckState, OutcomeReport as Report} from '../kit/session/check-state';
import StepList from '../kit/session/StepList';
import OutcomeReport from '../kit/session/OutcomeReport';
import {describeWait} from './flow-state';
import styles from './styles.module.css';

interface Props {
  /** How long this step has waited so far. */
  waitedMs: number;
  /** True once the wait has passed SLOW_AFTER_MS. */
  slow: boolean;
  /** Why the last poll failed, if it did. */
  pollProblem: string | null;
  simulation: CheckState;
  simulationReport: Report | null;
  onSimulate(): void;
}

export default function WaitingStep({waitedMs, slow, pollProblem, simulation, simulationReport, onSimulate}: Props): ReactNode {
  const simulating = simulation.phase === 'running';
  return (
    <>
      <p className={styles.waiting}>
        <span className={styles.spinner} aria-hidden="true" />
        <span>
          Keep this page open. It checks every few seconds and moves on by itself as soon as the Web Connector signs in with your
          password. That usually takes about 30 seconds after you click <strong>Update Selected</strong>.
        </span>
      </p>
      <p className={styles.hint}>Waiting for {describeWait(waitedMs)} so far.</p>
      <div role="status">{pollProblem && <p className={styles.errorText}>{pollProblem}</p>}</div>
      {slow && (
        <div className={styles.slow}>
          <p className={styles.subheadingText}>Still nothing after 2 minutes? Check that:</p>
          <ul>
            <li>
              the row&apos;s checkbox is ticked and you clicked <strong>Update Selected</strong>;
            </li>
            <li>
              the <strong>Password</strong> cell shows dots (you pressed <kbd>Enter</kbd> and clicked <strong>Yes</strong>);
            </li>
            <li>the Status column of the row shows no error;</li>
            <li>this computer can reach the Internet.</li>
          </ul>
          <p>
            <Link to="/docs/troubleshooting#flow-not-hearing">What to do when the flow never hears from the Web Connector</Link>
          </p>
        </div>
      )}
      <h3 className={styles.subheading}>No Windows computer at hand?</h3>
      <p>
        This page can play the Web Connector&apos;s part with the same user name and password, so you can see the flow finish and
        what the exchange looks like.
      </p>
      <button type="button" className="button button--secondary" onClick={onSimulate} disabled={simulating}>
        {simulating ? 'Simulating…' : 'Simulate the Web Connector here'}
      </button>
      {simulation.steps.length > 0 && (
        <details className={styles.details}>
          <summary>Details of the simulated exchange, for support and developers</summary>
          <StepList steps={simulation.steps} label="Calls in the simulated update" />
        </details>
      )}
      {simulation.setupError && <p className={styles.errorText}>{simulation.setupError}</p>}
      {simulationReport && simulationReport.tone === 'error' && <OutcomeReport report={simulationReport} />}
    </>
  );
}
