import {useId, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import type {SessionStep} from '../../../qbwc/client';
import {describeStepStatus, formatDuration} from './check-state';
import EnvelopeView from './EnvelopeView';
import kit from '../kit.module.css';
import styles from './styles.module.css';

interface Props {
  steps: readonly SessionStep[];
  /** The accessible name of the list, such as "Calls in this check". */
  label: string;
}

const statusIcons: Record<SessionStep['status'], string> = {ok: '✓', warning: '!', error: '✕'};

/** The SOAP calls of one session, in order, each with its envelopes behind a disclosure button. */
export default function StepList({steps, label}: Props): ReactNode {
  if (steps.length === 0) return null;
  return (
    <ol className={styles.steps} aria-label={label}>
      {steps.map((step, index) => (
        <StepItem key={`${index}-${step.method}`} step={step} position={index + 1} />
      ))}
    </ol>
  );
}

function StepItem({step, position}: {step: SessionStep; position: number}): ReactNode {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const statusWord = describeStepStatus(step.status);
  return (
    <li className={clsx(styles.step, styles[`step-${step.status}`])}>
      <div className={styles.stepHeader}>
        <span className={styles.stepIcon} aria-hidden="true">
          {statusIcons[step.status]}
        </span>
        <span className={styles.stepMethod}>
          <code>{step.method}</code>
        </span>
        <span className={styles.stepStatus}>{statusWord}</span>
        <span className={styles.stepDuration}>
          <span className={kit.srOnly}>took </span>
          {formatDuration(step.durationMs)}
          {step.httpStatus !== undefined && <span className={styles.stepHttp}> · HTTP {step.httpStatus}</span>}
        </span>
      </div>
      <p className={styles.stepSummary}>{step.summary}</p>
      <button
        type="button"
        className={clsx('button button--sm button--secondary', styles.disclosure)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}>
        <span className={styles.disclosureIcon} aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        Show envelopes
        <span className={kit.srOnly}>
          {' '}
          of call {position}, {step.method}
        </span>
      </button>
      <div id={panelId} hidden={!open} className={styles.envelopes}>
        {open && (
          <>
            <EnvelopeView title={`Request sent to ${step.method}`} xml={step.requestXml} emptyText="No request was sent." />
            <EnvelopeView
              title={`Response from ${step.method}`}
              xml={step.responseXml}
              emptyText="No response came back for this call."
            />
          </>
        )}
      </div>
    </li>
  );
}
