import {useCallback, useEffect, useReducer, useRef} from 'react';
import {runSession, type SessionOutcome} from '../../../qbwc/client';
import {checkReducer, initialCheckState, type CheckState, type TransportDiagnosis} from './check-state';

type Transport = Parameters<typeof runSession>[0];
type Credentials = Parameters<typeof runSession>[1];

/** Everything one run needs, worked out just before it starts (a connection may be issued first). */
export interface PreparedRun {
  transport: Transport;
  credentials: Credentials;
  /** Called when the session ends with a transport error, to tell a network failure from CORS. */
  diagnose?: () => Promise<TransportDiagnosis>;
}

export interface SessionRunner {
  state: CheckState;
  /**
   * Starts a run; `prepare` may throw an Error whose message is shown as is, and should hand the
   * signal to any fetch it sets up, so Cancel stops the request in flight.
   */
  run(prepare: (signal: AbortSignal) => Promise<PreparedRun>): Promise<SessionOutcome | null>;
  /** Stops a run in progress (its late answers are ignored) and clears the results. */
  reset(): void;
}

class RunCancelled extends Error {
  constructor() {
    super('The check was cancelled.');
    this.name = 'RunCancelled';
  }
}

/** Drives runSession for a React component: steps appear as they happen, a cancelled run goes quiet. */
export function useSessionRunner(): SessionRunner {
  const [state, dispatch] = useReducer(checkReducer, initialCheckState);
  const runCounter = useRef(0);
  const cancelCurrent = useRef<(() => void) | null>(null);

  useEffect(
    () => () => {
      cancelCurrent.current?.();
    },
    [],
  );

  const run = useCallback(async (prepare: (signal: AbortSignal) => Promise<PreparedRun>): Promise<SessionOutcome | null> => {
    cancelCurrent.current?.();
    runCounter.current += 1;
    const runId = runCounter.current;
    const controller = new AbortController();
    let cancelled = false;
    let rejectPending: ((reason: RunCancelled) => void) | null = null;
    cancelCurrent.current = () => {
      cancelled = true;
      controller.abort();
      rejectPending?.(new RunCancelled());
    };
    dispatch({type: 'start', runId});

    let prepared: PreparedRun;
    try {
      prepared = await prepare(controller.signal);
    } catch (error) {
      if (!cancelled) {
        dispatch({type: 'setup-failed', runId, message: error instanceof Error ? error.message : String(error)});
      }
      return null;
    }
    if (cancelled) return null;

    // runSession itself takes no signal: a cancelled run's pending and next calls fail at once instead.
    const guarded: Transport = (envelope) => {
      if (cancelled) return Promise.reject(new RunCancelled());
      return new Promise((resolve, reject) => {
        rejectPending = reject;
        prepared.transport(envelope).then(resolve, reject);
      });
    };
    const outcome = await runSession(guarded, prepared.credentials, (step) => {
      if (!cancelled) dispatch({type: 'step', runId, step});
    });
    if (cancelled) return null;
    const diagnosis = outcome.result === 'transport-error' && prepared.diagnose ? await prepared.diagnose() : undefined;
    if (cancelled) return null;
    cancelCurrent.current = null;
    dispatch({type: 'finish', runId, outcome, diagnosis});
    return outcome;
  }, []);

  const reset = useCallback(() => {
    cancelCurrent.current?.();
    cancelCurrent.current = null;
    dispatch({type: 'reset'});
  }, []);

  return {state, run, reset};
}
