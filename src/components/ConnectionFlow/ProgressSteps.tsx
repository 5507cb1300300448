import type {ReactNode} from 'react';
import clsx from 'clsx';
import {FLOW_STEPS} from './flow-state';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';

/** Where the reader is in the flow: the current step carries aria-current="step". */
export default function ProgressSteps({current}: {current: number}): ReactNode {
  return (
    <nav aria-label="Connection steps" className={styles.progressNav}>
      <ol className={styles.progress}>
        {FLOW_STEPS.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li
              key={step.id}
              className={clsx(styles.progressItem, styles[`progress-${state}`])}
              aria-current={state === 'current' ? 'step' : undefined}>
              <span className={styles.progressMarker} aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className={styles.progressTitle}>
                {step.title}
                {state === 'done' && <span className={kit.srOnly}> (done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
