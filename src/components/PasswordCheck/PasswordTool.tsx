import {useEffect, useId, useMemo, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import clsx from 'clsx';
import {checkPassword, generatePassword} from '../../qbwc/password';
import {troubleshootingHref} from '../../qbwc/troubleshooting';
import {issueConnection} from '../kit/test-endpoint';
import useTestEndpoint, {type EndpointPlace} from '../kit/useTestEndpoint';
import {copyText} from '../kit/clipboard';
import kit from '../kit/kit.module.css';
import useBranding from '../kit/useBranding';
import {diagnosisHeadline, otherFormatNote, verifyPassword, visibleCharacters, type VerifyOutcome} from './password-state';
import styles from './styles.module.css';

export interface PasswordToolProps {
  headingLevel?: 2 | 3;
}

export default function PasswordTool({headingLevel = 3}: PasswordToolProps): ReactNode {
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

  const {productName} = useBranding();
  const endpoint = useTestEndpoint();
  const [target, setTarget] = useState<EndpointPlace>('page');
  const [userName, setUserName] = useState('');
  const [verifying, setVerifying] = useState(false);
  const [verifyStatus, setVerifyStatus] = useState('');
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);

  const [generated, setGenerated] = useState('');
  const [generateStatus, setGenerateStatus] = useState('');

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
      const connection = await issueConnection(endpoint.fetcherFor(target), endpoint.url, 'healthy');
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
    const result = await verifyPassword(endpoint.transportFor(target), userName.trim(), password);
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
  const formatId = `${id}-format`;

  return (
    <div className={kit.tool}>
      <section className={kit.panel} aria-labelledby={`${id}-check`}>
        <Heading id={`${id}-check`} className={kit.panelHeading}>
          Check a password
        </Heading>
        <p id={noteId} className={kit.note}>
          <strong>Nothing is sent or stored.</strong> The check runs in your browser; the password only leaves this page if you
          click <em>Verify password</em> below.
        </p>
        <p id={formatId} className={kit.note}>
          Passwords from {productName} look like <code>K7QF-9MZX-2D4T-8HWC-R</code>: four groups of four capitals and digits, then
          one check character. Other passwords are checked only for what breaks any password.
        </p>
        <label htmlFor={inputId} className={kit.label}>
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
            aria-describedby={`${formatId} ${noteId}`}
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
                      <span className={kit.srOnly}> ({char.name}) </span>
                    </mark>
                  ) : (
                    <span key={index}>{char.text}</span>
                  ),
                )}
              </code>
            </p>
            {diagnosis.format === 'other' && <p className={styles.muted}>{otherFormatNote(productName)}</p>}
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
                {diagnosis.format === 'other'
                  ? 'Remove the marked characters, or copy the password again from the original message.'
                  : 'No certain correction exists: copy the password again from the original message, or ask for a new one.'}
              </p>
            )}
          </>
        )}
        <p role="status" className={styles.status}>
          {copyStatus}
        </p>
      </section>

      <section className={kit.panel} aria-labelledby={`${id}-verify`}>
        <Heading id={`${id}-verify`} className={kit.panelHeading}>
          Verify against the test endpoint
        </Heading>
        <p className={kit.note}>
          Signs in with the password in the box above, exactly as it is, the way the Web Connector does: real SOAP calls (
          <code>serverVersion</code>, <code>clientVersion</code>, <code>authenticate</code>), then the session is closed. Test
          users expire after a week. It checks users of the test endpoint only, not of your live service.
        </p>
        <div className={styles.fields}>
          <div className={styles.field}>
            <label htmlFor={targetId} className={kit.label}>
              Test endpoint
            </label>
            <select
              id={targetId}
              className={styles.input}
              value={target === 'server' ? 'server' : 'browser'}
              onChange={(event) => setTarget(event.target.value === 'server' ? 'server' : 'page')}>
              <option value="browser">The test endpoint in this browser</option>
              {endpoint.server === 'available' && (
                <option value="server">This site’s server ({new URL(endpoint.url).pathname})</option>
              )}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={userId} className={kit.label}>
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

      <section className={kit.panel} aria-labelledby={`${id}-generate`}>
        <Heading id={`${id}-generate`} className={kit.panelHeading}>
          Generate a connector password
        </Heading>
        <p className={kit.note}>
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
            <label htmlFor={generatedId} className={kit.label}>
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
