import {useId, useMemo, useRef, useState, type FormEvent, type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import clsx from 'clsx';
import {describeOutcome, describeStepStatus, scenarioOptions, type CheckTarget, type Scenario} from '../kit/session/check-state';
import {checkServiceUrl, diagnoseFetchFailure} from './service-targets';
import {createFetchTransport, issueConnection, type IssuedConnection} from '../kit/test-endpoint';
import useTestEndpoint from '../kit/useTestEndpoint';
import {createRelayTransport} from './relay-transport';
import {buildSessionScript} from './session-script';
import {useSessionRunner, type PreparedRun} from '../kit/session/useSessionRunner';
import StepList from '../kit/session/StepList';
import OutcomeReport from '../kit/session/OutcomeReport';
import styles from './styles.module.css';

const targetOptions: readonly {value: CheckTarget; label: string; hint: string}[] = [
  {
    value: 'in-page',
    label: 'Bundled test endpoint in this browser',
    hint: 'The test service runs inside this page, so nothing leaves your computer.',
  },
  {
    value: 'this-site',
    label: "This site's /qbwc",
    hint: "The test service on this site's server, the same one a real Web Connector can call.",
  },
  {
    value: 'custom',
    label: 'Your own service URL',
    hint: 'Your own Web Connector service, called from this browser.',
  },
];

const RELAYED_HINT = "Your own Web Connector service (https), called through this site's server, as the Web Connector would.";

/** The connection check: plays the Web Connector against a test endpoint or the reader's own service. */
export default function ConnectionCheckApp(): ReactNode {
  const ids = {
    scenario: useId(),
    scenarioHint: useId(),
    url: useId(),
    urlError: useId(),
    user: useId(),
    password: useId(),
    targetHint: useId(),
  };
  const [target, setTarget] = useState<CheckTarget>('in-page');
  const [scenario, setScenario] = useState<Scenario>('healthy');
  const [serviceUrl, setServiceUrl] = useState('');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const endpoint = useTestEndpoint({probeRelay: true});
  const {server, relayAvailable: relay} = endpoint;
  const [issued, setIssued] = useState<IssuedConnection | null>(null);
  // What the last run was aimed at: the report describes that run, whatever is picked since.
  const [ranAgainst, setRanAgainst] = useState<{target: CheckTarget; url?: string; relayed?: boolean} | null>(null);
  const {state, run, reset} = useSessionRunner();
  const urlInput = useRef<HTMLInputElement>(null);
  const running = state.phase === 'running';

  const report = useMemo(
    () =>
      state.outcome && ranAgainst
        ? describeOutcome(state.outcome, {...ranAgainst, diagnosis: state.diagnosis ?? undefined})
        : null,
    [state.outcome, state.diagnosis, ranAgainst],
  );

  function prepare(): ((signal: AbortSignal) => Promise<PreparedRun>) | null {
    if (target === 'custom') {
      const checked = checkServiceUrl(serviceUrl);
      if (!checked.ok) {
        setUrlError(checked.message);
        urlInput.current?.focus();
        return null;
      }
      setUrlError(null);
      const url = checked.url;
      return async (signal) => {
        setIssued(null);
        setRanAgainst({target: 'custom', url, relayed: relay});
        if (relay) {
          return {
            transport: createRelayTransport(endpoint.fetcherFor('server'), endpoint.relayUrl, url, signal),
            credentials: {userName, password},
          };
        }
        return {
          transport: createFetchTransport(url, {signal}),
          credentials: {userName, password},
          diagnose: () => diagnoseFetchFailure(url, (input, init) => fetch(input, init), window.location.protocol),
        };
      };
    }
    const place = target === 'this-site' ? 'server' : 'page';
    return async (signal) => {
      setIssued(null);
      setRanAgainst(place === 'server' ? {target, url: endpoint.url} : {target});
      const connection = await issueConnection(endpoint.fetcherFor(place), endpoint.url, scenario);
      setIssued(connection);
      return {
        transport: endpoint.transportFor(place, signal),
        credentials: {userName: connection.userName, password: connection.password},
      };
    };
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (running) return;
    const start = prepare();
    // A run that cannot start still clears the last run's report: it no longer describes the form.
    if (start) void run(start);
    else {
      reset();
      setIssued(null);
      setRanAgainst(null);
    }
  }

  function onReset() {
    reset();
    setIssued(null);
    setRanAgainst(null);
  }

  const lastStep = state.steps[state.steps.length - 1];
  const failedUrl =
    ranAgainst?.target === 'custom' && (state.outcome?.result === 'transport-error' || state.outcome?.result === 'not-soap')
      ? ranAgainst.url
      : undefined;
  const script = failedUrl ? buildSessionScript(failedUrl, userName) : null;

  return (
    <section className={styles.widget} aria-label="Connection check">
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <fieldset className={styles.fieldset} disabled={running}>
          <legend className={styles.legend}>Where to connect</legend>
          {targetOptions.map((option) => {
            const unavailable = option.value === 'this-site' && server !== 'available';
            return (
              <label key={option.value} className={styles.radio}>
                <input
                  type="radio"
                  name="connection-check-target"
                  value={option.value}
                  checked={target === option.value}
                  disabled={unavailable}
                  onChange={() => setTarget(option.value)}
                />
                <span>
                  {option.label}
                  <span className={styles.radioHint}>
                    {unavailable
                      ? server === 'checking'
                        ? 'Looking for a test service on this site…'
                        : 'Not available: this site is served without its test service (a static host).'
                      : option.value === 'custom' && relay
                        ? RELAYED_HINT
                        : option.hint}
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>

        {target === 'custom' ? (
          <div className={styles.customFields}>
            <div className={styles.field}>
              <label className={styles.label} htmlFor={ids.url}>
                Service URL
              </label>
              <input
                ref={urlInput}
                id={ids.url}
                className={styles.input}
                type="url"
                inputMode="url"
                autoComplete="url"
                spellCheck={false}
                placeholder="https://example.com/qbwc"
                value={serviceUrl}
                disabled={running}
                aria-invalid={urlError ? true : undefined}
                aria-describedby={urlError ? ids.urlError : undefined}
                onChange={(event) => setServiceUrl(event.target.value)}
              />
              {urlError && (
                <p id={ids.urlError} className={styles.fieldError}>
                  {urlError}
                </p>
              )}
            </div>
            <div className={styles.field}>
              <label className={styles.label} htmlFor={ids.user}>
                User name
              </label>
              <input
                id={ids.user}
                className={styles.input}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={userName}
                disabled={running}
                onChange={(event) => setUserName(event.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label className={styles.label} htmlFor={ids.password}>
                Password
              </label>
              <input
                id={ids.password}
                className={styles.input}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={password}
                disabled={running}
                onChange={(event) => setPassword(event.target.value)}
              />
              <span className={styles.fieldHint}>
                {relay
                  ? "Passed through this site's server to the service URL above, and never kept or logged."
                  : 'Sent only to the service URL above, never to this site.'}
              </span>
            </div>
          </div>
        ) : (
          <div className={styles.field}>
            <label className={styles.label} htmlFor={ids.scenario}>
              Scenario
            </label>
            <select
              id={ids.scenario}
              className={styles.input}
              value={scenario}
              disabled={running}
              aria-describedby={ids.scenarioHint}
              onChange={(event) => setScenario(event.target.value as Scenario)}>
              {scenarioOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <span id={ids.scenarioHint} className={styles.fieldHint}>
              {scenarioOptions.find((option) => option.value === scenario)?.hint}
            </span>
          </div>
        )}

        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={running}>
            {running ? 'Running…' : 'Run the check'}
          </button>
          {(running || state.phase === 'finished') && (
            <button type="button" className="button button--secondary" onClick={onReset}>
              {running ? 'Cancel' : 'Reset'}
            </button>
          )}
        </div>
      </form>

      {issued && (
        <p className={styles.credentials}>
          Test user <code>{issued.userName}</code>, issued for the scenario “
          {scenarioOptions.find((option) => option.value === issued.scenario)?.label ?? issued.scenario}”.
        </p>
      )}

      <StepList steps={state.steps} label="Calls in this check" />

      <div role="status" className={clsx(styles.status)}>
        {running && (
          <p className={styles.progress}>
            Running the check…
            {lastStep && ` Last call: ${lastStep.method}, ${describeStepStatus(lastStep.status).toLowerCase()}.`}
          </p>
        )}
        {state.phase === 'finished' && state.setupError && (
          <OutcomeReport
            report={{
              tone: 'error',
              headline: 'The check could not start.',
              detail: state.setupError,
              advice: ['Reload the page and try again.'],
            }}
          />
        )}
        {report && <OutcomeReport report={report} />}
      </div>

      {script && (
        <div className={styles.curl}>
          <p className={styles.adviceTitle}>Sign in from a terminal instead</p>
          <p className={styles.fieldHint}>
            This script makes the Web Connector&apos;s first three calls (serverVersion, clientVersion, authenticate) with curl,
            and asks for the password when it runs. Copy it with the button in its corner, paste it into a terminal on a computer
            that can reach the service, and read each answer.
          </p>
          <CodeBlock language="bash" title="check-web-connector-service.sh">
            {script}
          </CodeBlock>
        </div>
      )}
    </section>
  );
}
