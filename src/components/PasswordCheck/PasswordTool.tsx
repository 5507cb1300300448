import {useEffect, useId, useMemo, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import clsx from 'clsx';
import {checkPassword, generatePassword} from '../../qbwc/password';
import {troubleshootingHref} from '../../qbwc/troubleshooting';
import {getBrowserEndpoint} from '../../endpoint/browser-endpoint';
import {ENDPOINT_PATH, hasServerEndpoint, issueConnection} from '../ConnectionCheck/service-targets';
import WidgetErrorBoundary from '../QwcGenerator/WidgetErrorBoundary';
import {diagnosisHeadline, verifyPassword, visibleCharacters, type FetchLike, type VerifyOutcome} from './password-state';
import styles from './styles.module.css';
import {copyText} from '../clipboard';
import useHashTargetAfterLoad from '../useHashTargetAfterLoad';

type Target = 'browser' | 'server';

interface Props {
  headingLevel?: 2 | 3;
}

function fetcherFor(target: Target): FetchLike {
  if (target === 'server') return (request) => fetch(request);
  const endpoint = getBrowserEndpoint();
  return (request) => endpoint.fetch(request);
}

function PasswordCheckTool({headingLevel = 3}: Props): ReactNode {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const [password, setPassword] = useState('');
  const [copyStatus, setCopyStatus] = useState('');
  const resultHeading = useRef<HTMLParagraphElement>(null);

  const diagnosis = useMemo(() => (password === '' ? null : checkPassword(password)), [password]);
  const headline = diagnosis ? diagnosisHeadline(diagnosis) : '';
  const [shownHeadline, setShownHeadline] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setShownHeadline(headline), 600);
    return () => window.clearTimeout(timer);
  }, [headline]);

  const [serverAvailable, setServerAvailable] = useState(false);
  const [target, setTarget] = useState<Target>('browser');
  const [userName, setUserName] = useState('');
  const [verifying, setVerifying] = useState(false);
  const [verifyStatus, setVerifyStatus] = useState('');
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);

  const [generated, setGenerated] = useState('');
  const [generateStatus, setGenerateStatus] = useState('');

  useEffect(() => {
    let cancelled = false;
    void hasServerEndpoint((request) => fetch(request), window.location.origin).then((available) => {
      if (!cancelled) setServerAvailable(available);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  // Typing updates the verdict once it pauses (so a screen reader hears it once); Check shows it now.
  function check() {
    setShownHeadline(password === '' ? 'Paste or type a password first.' : headline);
    resultHeading.current?.focus();
  }

  async function copyFixed(fixed: string) {
    setCopyStatus(
      (await copyText(fixed))
        ? 'Copied the corrected password.'
        : 'Copying was blocked by the browser: select the corrected password and press Ctrl+C.',
    );
  }

  async function createTestUser() {
    setVerifying(true);
    setOutcome(null);
    setVerifyStatus('Creating a test user…');
    try {
      const connection = await issueConnection(fetcherFor(target), window.location.origin, 'healthy');
      setUserName(connection.userName);
      setPassword(connection.password);
      setVerifyStatus(
        `Created the test user ${connection.userName}. Its password is now in the password box above; change it to see how the endpoint answers.`,
      );
    } catch (error) {
      setVerifyStatus(error instanceof Error ? error.message : 'The test user could not be created.');
    } finally {
      setVerifying(false);
    }
  }

  async function verify() {
    setVerifying(true);
    setOutcome(null);
    setVerifyStatus('Asking the test endpoint…');
    const result = await verifyPassword(
      fetcherFor(target),
      `${window.location.origin}${ENDPOINT_PATH}`,
      userName.trim(),
      password,
    );
    setOutcome(result);
    setVerifyStatus(result.message);
    setVerifying(false);
  }

  function generate() {
    const value = generatePassword();
    setGenerated(value);
    setGenerateStatus('Generated a new password.');
  }

  const inputId = `${id}-password`;
  const userId = `${id}-user`;
  const targetId = `${id}-target`;
  const generatedId = `${id}-generated`;
  const noteId = `${id}-note`;

  return (
    <div className={styles.tool}>
      <section className={styles.panel} aria-labelledby={`${id}-check`}>
        <Heading id={`${id}-check`} className={styles.heading}>
          Check a password
        </Heading>
        <p id={noteId} className={styles.note}>
          <strong>Nothing is sent or stored.</strong> The check runs in your browser; the password only leaves this page if you
          click <em>Verify password</em> below.
        </p>
        <label htmlFor={inputId} className={styles.label}>
          Password as pasted
        </label>
        <div className={styles.row}>
          {/* A textarea, not an input: a text input drops pasted line breaks, which are one of the
              mistakes this check exists to name. */}
          <textarea
            id={inputId}
            rows={2}
            className={styles.input}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                check();
              }
            }}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={noteId}
            aria-invalid={diagnosis !== null && !diagnosis.ok}
          />
          <button type="button" className="button button--primary" onClick={check}>
            Check
          </button>
        </div>

        <p ref={resultHeading} tabIndex={-1} role="status" className={styles.headline}>
          {shownHeadline}
        </p>
        {diagnosis && (
          <>
            <p className={styles.visible}>
              <span>What was pasted ({Array.from(password).length} characters): </span>
              <code className={styles.pasted}>
                {visibleCharacters(password).map((char, index) =>
                  char.marked ? (
                    <mark key={index} className={styles.mark} title={char.name}>
                      {char.text}
                      <span className={styles.srOnly}> ({char.name}) </span>
                    </mark>
                  ) : (
                    <span key={index}>{char.text}</span>
                  ),
                )}
              </code>
            </p>
            {diagnosis.problems.length > 0 && (
              <ul className={styles.problems} aria-label="Problems found">
                {diagnosis.problems.map((problem, index) => (
                  <li key={`${problem.kind}-${index}`} className={styles.problem}>
                    <span aria-hidden="true">✖ </span>
                    {problem.message}
                  </li>
                ))}
              </ul>
            )}
            {diagnosis.fixed && (
              <div className={styles.fixed}>
                <p>
                  Corrected password: <code className={styles.fixedValue}>{diagnosis.fixed}</code>
                </p>
                <div className={styles.row}>
                  <button
                    type="button"
                    className="button button--secondary button--sm"
                    onClick={() => void copyFixed(diagnosis.fixed ?? '')}>
                    Copy fixed password
                  </button>
                  <button
                    type="button"
                    className="button button--link button--sm"
                    onClick={() => setPassword(diagnosis.fixed ?? '')}>
                    Put it in the box
                  </button>
                </div>
              </div>
            )}
            {!diagnosis.ok && !diagnosis.fixed && (
              <p className={styles.muted}>
                No certain correction exists: copy the password again from the original message, or ask for a new one.
              </p>
            )}
          </>
        )}
        <p role="status" className={styles.status}>
          {copyStatus}
        </p>
      </section>

      <section className={styles.panel} aria-labelledby={`${id}-verify`}>
        <Heading id={`${id}-verify`} className={styles.heading}>
          Verify against the test endpoint
        </Heading>
        <p className={styles.note}>
          Sends the password in the box above, exactly as it is, in a real SOAP <code>authenticate</code> call, the way the Web
          Connector does. Test users expire after a week. It checks users of the test endpoint only, not of your live service.
        </p>
        <div className={styles.fields}>
          <div className={styles.field}>
            <label htmlFor={targetId} className={styles.label}>
              Test endpoint
            </label>
            <select
              id={targetId}
              className={styles.input}
              value={target}
              onChange={(event) => setTarget(event.target.value as Target)}>
              <option value="browser">The test endpoint in this browser</option>
              {serverAvailable && <option value="server">This site’s server ({ENDPOINT_PATH})</option>}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={userId} className={styles.label}>
              User name
            </label>
            <input
              id={userId}
              type="text"
              className={styles.input}
              value={userName}
              onChange={(event) => setUserName(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        </div>
        <div className={styles.row}>
          <button type="button" className="button button--primary" onClick={() => void verify()} disabled={verifying}>
            Verify password
          </button>
          <button type="button" className="button button--secondary" onClick={() => void createTestUser()} disabled={verifying}>
            Create a test user
          </button>
        </div>
        <p role="status" className={clsx(styles.status, outcome && styles[outcome.kind])}>
          {outcome && <strong>{outcome.kind === 'accepted' ? '✔ ' : '✖ '}</strong>}
          {verifyStatus}
        </p>
        {outcome?.kind === 'rejected' && (
          <p>
            <Link to={troubleshootingHref('msg-invalid-password')}>What to do when the password is not accepted</Link>
          </p>
        )}
      </section>

      <section className={styles.panel} aria-labelledby={`${id}-generate`}>
        <Heading id={`${id}-generate`} className={styles.heading}>
          Generate a connector password
        </Heading>
        <p className={styles.note}>
          For integrators: a random password in the format this check understands (80 random bits in groups of four, plus a check
          character), so a customer’s typing mistakes can be named and corrected. Made in your browser; store only its hash.
        </p>
        <div className={styles.row}>
          <button type="button" className="button button--primary" onClick={generate}>
            Generate a password
          </button>
        </div>
        {generated && (
          <div className={styles.field}>
            <label htmlFor={generatedId} className={styles.label}>
              Generated password
            </label>
            <div className={styles.row}>
              <input
                id={generatedId}
                type="text"
                readOnly
                className={clsx(styles.input, styles.mono)}
                value={generated}
                spellCheck={false}
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  void copyText(generated).then((ok) =>
                    setGenerateStatus(
                      ok ? 'Copied the generated password.' : 'Copying was blocked: select the password and press Ctrl+C.',
                    ),
                  )
                }>
                Copy generated password
              </button>
            </div>
          </div>
        )}
        <p role="status" className={styles.status}>
          {generateStatus}
        </p>
      </section>
    </div>
  );
}

export default function PasswordTool(props: Props): ReactNode {
  useHashTargetAfterLoad();
  return (
    <WidgetErrorBoundary name="The password check">
      <PasswordCheckTool {...props} />
    </WidgetErrorBoundary>
  );
}
