import {downloadText} from '../kit/download';
import {useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode} from 'react';
import {QWC_MIME_TYPE} from '../../qbwc/qwc';
import {describeOutcome} from '../kit/session/check-state';
import {issueConnection} from '../kit/test-endpoint';
import useTestEndpoint, {type EndpointPlace} from '../kit/useTestEndpoint';
import {useSessionRunner} from '../kit/session/useSessionRunner';
import {
  FLOW_STEPS,
  FLOW_STORAGE_KEY,
  LAST_STEP,
  POLL_INTERVAL_MS,
  SLOW_AFTER_MS,
  WAITING_STEP,
  blockedReason,
  findAuthenticatedSession,
  flowReducer,
  parseProgress,
  serializeProgress,
  type ConnectionSource,
  type FlowConnection,
} from './flow-state';
import ProgressSteps from './ProgressSteps';
import PrerequisitesStep from './PrerequisitesStep';
import AddApplicationStep from './AddApplicationStep';
import PasswordStep from './PasswordStep';
import WaitingStep from './WaitingStep';
import ConnectedStep from './ConnectedStep';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';

function readStoredProgress(): string | null {
  try {
    return window.localStorage.getItem(FLOW_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeProgress(text: string | null): void {
  try {
    if (text === null) window.localStorage.removeItem(FLOW_STORAGE_KEY);
    else window.localStorage.setItem(FLOW_STORAGE_KEY, text);
  } catch {
    // Storage can be refused (private windows); the flow still works, it just won't survive a reload.
  }
}

/** Where the widget kit's calls for a connection go: the server's endpoint over HTTP, or the one in this page. */
function placeOf(source: ConnectionSource): EndpointPlace {
  return source === 'server' ? 'server' : 'page';
}

/** The guided connection flow at /connect. */
export default function ConnectionFlowApp(): ReactNode {
  const [progress, dispatch] = useReducer(flowReducer, null, () => parseProgress(readStoredProgress(), Date.now()));
  const endpoint = useTestEndpoint();
  const {serverCheck, fetcherFor, transportFor} = endpoint;
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [downloadedName, setDownloadedName] = useState<string | null>(null);
  const [pollProblem, setPollProblem] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');
  const simulation = useSessionRunner();
  // Whether the session the poll hears was this page's simulation, so the news says so.
  const simulating = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(progress.step);
  const pollNow = useRef<() => void>(() => {});

  const {step, connection} = progress;
  const current = FLOW_STEPS[step] ?? FLOW_STEPS[0];

  useEffect(() => {
    storeProgress(serializeProgress(progress));
  }, [progress]);

  // Focus follows the step, so keyboard and screen-reader users start reading at the new heading.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  const issue = useCallback(async (): Promise<FlowConnection | null> => {
    setIssuing(true);
    setIssueError(null);
    try {
      const source: ConnectionSource = (await serverCheck) ? 'server' : 'in-page';
      const issued = await issueConnection(fetcherFor(placeOf(source)), endpoint.url, 'healthy');
      const fresh: FlowConnection = {...issued, source};
      dispatch({type: 'issued', connection: fresh});
      return fresh;
    } catch (error) {
      setIssueError(error instanceof Error ? error.message : String(error));
      return null;
    } finally {
      setIssuing(false);
    }
  }, [serverCheck, fetcherFor, endpoint.url]);

  async function onDownload() {
    const target = connection ?? (await issue());
    if (!target) return;
    downloadText(target.qwc, target.qwcFileName, QWC_MIME_TYPE);
    setDownloadedName(target.qwcFileName);
  }

  async function onNewConnection() {
    simulation.reset();
    setDownloadedName(null);
    const fresh = await issue();
    if (fresh) {
      downloadText(fresh.qwc, fresh.qwcFileName, QWC_MIME_TYPE);
      setDownloadedName(fresh.qwcFileName);
    }
  }

  function onStartOver() {
    simulation.reset();
    storeProgress(null);
    setDownloadedName(null);
    setIssueError(null);
    setAnnouncement('');
    dispatch({type: 'start-over'});
    if (step === 0) headingRef.current?.focus();
  }

  // Step 4: ask the endpoint every few seconds, while the page is visible, whether this user has signed in.
  const waiting = step === WAITING_STEP && connection !== null;
  useEffect(() => {
    if (!waiting || !connection) return undefined;
    const {source, userName} = connection;
    const fetcher = fetcherFor(placeOf(source));
    const url = `${endpoint.url}/sessions?user=${encodeURIComponent(userName)}`;
    let stopped = false;
    let inFlight = false;
    async function poll() {
      if (stopped || inFlight || document.visibilityState !== 'visible') return;
      inFlight = true;
      try {
        const response = await fetcher(new Request(url, {cache: 'no-store'}));
        if (stopped) return;
        if (response.status === 404) {
          setPollProblem(
            source === 'in-page'
              ? 'The test endpoint in this tab started afresh when the page reloaded, so it no longer knows this user. Go back to step 2 and click "Make a new file and password".'
              : 'The test endpoint no longer knows this user: it expired or the server restarted. Go back to step 2 and click "Make a new file and password".',
          );
          return;
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setPollProblem(null);
        const session = findAuthenticatedSession(await response.json());
        if (session && !stopped) {
          setAnnouncement(
            simulating.current
              ? 'The simulated update finished: the test service accepted your user name and password. QuickBooks Desktop is not connected yet.'
              : 'The Web Connector signed in to the test service with your password.',
          );
          dispatch({type: 'heard', session});
        }
      } catch {
        if (!stopped) setPollProblem('This page could not ask the test endpoint for news; it keeps trying.');
      } finally {
        inFlight = false;
      }
    }
    pollNow.current = () => void poll();
    void poll();
    const timer = window.setInterval(() => {
      setNow(Date.now());
      void poll();
    }, POLL_INTERVAL_MS);
    const onVisible = () => void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      pollNow.current = () => {};
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [waiting, connection, fetcherFor, endpoint.url]);

  async function onSimulate() {
    if (!connection) return;
    simulating.current = true;
    const place = placeOf(connection.source);
    await simulation.run(async (signal) => ({
      transport: transportFor(place, signal),
      credentials: {userName: connection.userName, password: connection.password},
    }));
    pollNow.current();
  }

  const simulationReport = useMemo(
    () => (simulation.state.outcome ? describeOutcome(simulation.state.outcome, {target: 'this-site'}) : null),
    [simulation.state.outcome],
  );

  const slow = waiting && progress.waitingSince !== null && now - progress.waitingSince >= SLOW_AFTER_MS;
  const blocked = blockedReason(progress);
  const showNext = step < WAITING_STEP;

  let body: ReactNode;
  switch (current.id) {
    case 'prerequisites':
      body = (
        <PrerequisitesStep checklist={progress.checklist} onCheck={(id, checked) => dispatch({type: 'check', id, checked})} />
      );
      break;
    case 'add-application':
      body = (
        <AddApplicationStep
          connection={connection}
          busy={issuing}
          error={issueError}
          downloadedName={downloadedName}
          onDownload={() => void onDownload()}
          onNewConnection={() => void onNewConnection()}
        />
      );
      break;
    case 'password':
      body = connection ? <PasswordStep connection={connection} /> : null;
      break;
    case 'waiting':
      body = (
        <WaitingStep
          waitedMs={progress.waitingSince === null ? 0 : Math.max(0, now - progress.waitingSince)}
          slow={slow}
          pollProblem={pollProblem}
          simulation={simulation.state}
          simulationReport={simulationReport}
          onSimulate={() => void onSimulate()}
        />
      );
      break;
    case 'connected':
      body = progress.heard ? (
        <ConnectedStep
          heard={progress.heard}
          simulatedSteps={simulation.state.outcome ? simulation.state.steps : null}
          onStartOver={onStartOver}
        />
      ) : null;
      break;
  }

  return (
    <div className={styles.flow}>
      <ProgressSteps current={step} />
      {progress.notice === 'expired' && (
        <p className={styles.note}>
          The test user from your last visit has expired, so the flow starts again from the download. Make a new file and password
          below.
        </p>
      )}
      <section className={styles.stepPanel} aria-labelledby="connect-step-heading">
        <h2 id="connect-step-heading" ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
          <span className={styles.stepCount}>
            Step {step + 1} of {FLOW_STEPS.length}:
          </span>{' '}
          {current.title}
        </h2>
        {body}
        {step < LAST_STEP && (
          <div className={styles.navigation}>
            {step > 0 && (
              <button type="button" className="button button--secondary" onClick={() => dispatch({type: 'back'})}>
                Back
              </button>
            )}
            {showNext && (
              <button
                type="button"
                className="button button--primary"
                disabled={blocked !== null}
                aria-describedby={blocked ? 'connect-next-hint' : undefined}
                onClick={() => dispatch({type: 'next', now: Date.now()})}>
                Next
              </button>
            )}
            {step > 0 && (
              <button type="button" className={`button button--link ${styles.startOver}`} onClick={onStartOver}>
                Start over
              </button>
            )}
          </div>
        )}
        {showNext && blocked && (
          <p id="connect-next-hint" className={styles.hint}>
            {blocked}
          </p>
        )}
      </section>
      <p role="status" className={kit.srOnly}>
        {announcement}
      </p>
    </div>
  );
}
