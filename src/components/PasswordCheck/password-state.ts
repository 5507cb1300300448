/**
 * The password check's logic as plain TypeScript: how a diagnosis reads, how the pasted text is
 * shown with its invisible characters made visible, and how a password is tried against a test
 * endpoint by the mock Web Connector (src/qbwc/client.ts), as the real one would sign in.
 */
import type {PasswordDiagnosis} from '../../qbwc/password';
import {runSession, type SessionStep, type Transport} from '../../qbwc/client';

/** The one-line verdict above the list of problems. */
export function diagnosisHeadline(diagnosis: PasswordDiagnosis): string {
  const count = diagnosis.problems.length;
  const found = `${count} problem${count === 1 ? '' : 's'} found`;
  if (diagnosis.format === 'other') {
    return diagnosis.ok ? 'No spaces at the ends, line breaks, invisible or look-alike characters found.' : `${found}.`;
  }
  if (diagnosis.ok) return 'No problems found: the password has all its characters and passes its built-in check.';
  return diagnosis.fixed ? `${found}. The corrected password is below.` : `${found}.`;
}

/** The one line said when a password is plainly not in the issued format, so only the general checks ran. */
export function otherFormatNote(productName: string): string {
  return `This is not in the format of ${productName} passwords, so it was only checked for what breaks any password: spaces at the ends, line breaks, invisible and look-alike characters.`;
}

const VISIBLE_MARKS: Record<string, string> = {
  ' ': '␣',
  '\t': '⇥',
  '\n': '⏎',
  '\r': '⏎',
  '\u00A0': '⍽',
};

export interface VisibleChar {
  text: string;
  /** Invisible or blank in the original: shown with a symbol instead. */
  marked: boolean;
  name?: string;
}

/** The pasted text with blanks and zero-width characters turned into visible marks. */
export function visibleCharacters(input: string): VisibleChar[] {
  return Array.from(input, (char) => {
    const mark = VISIBLE_MARKS[char];
    if (mark)
      return {
        text: mark,
        marked: true,
        name: char === ' ' ? 'space' : char === '\t' ? 'tab' : char === '\u00A0' ? 'non-breaking space' : 'line break',
      };
    if (/[\u200B-\u200D\u2060\uFEFF\u00AD]/.test(char)) return {text: '◌', marked: true, name: 'invisible character'};
    return {text: char, marked: false};
  });
}

export type VerifyOutcome =
  {kind: 'accepted'; message: string} | {kind: 'rejected'; message: string} | {kind: 'failed'; message: string};

function acceptedMessage(step: SessionStep | undefined, result: string): string {
  if (result === 'no-work')
    return 'Accepted: the user name and password match. The endpoint answered "none": it has nothing to exchange right now, which is normal.';
  if (result === 'busy')
    return 'Accepted: the user name and password match. The endpoint answered "busy": it asked the Web Connector to try again later.';
  const asked = step?.summary.match(/asks for (.*)\.$/)?.[1];
  return asked
    ? `Accepted: the user name and password match, and the endpoint asks for ${asked}.`
    : 'Accepted: the user name and password match.';
}

/**
 * Signs in the way the Web Connector does (serverVersion, clientVersion, authenticate, then
 * closeConnection), sending the password exactly as given, spaces and all, and says in words what
 * the endpoint answered. Never throws.
 */
export async function verifyPassword(transport: Transport, userName: string, password: string): Promise<VerifyOutcome> {
  if (userName.trim() === '')
    return {kind: 'failed', message: 'Enter the user name first: the endpoint checks the password of one user.'};
  const outcome = await runSession(transport, {userName, password, stopAfterAuthenticate: true});
  const authenticate = outcome.steps.find((step) => step.method === 'authenticate');
  switch (outcome.result) {
    case 'invalid-password':
      return {
        kind: 'rejected',
        message:
          'Not accepted: the endpoint answered nvu: the password doesn’t match this user (or the user name is wrong, or its test credentials have expired).',
      };
    case 'signed-in':
    case 'no-work':
    case 'busy':
      return {kind: 'accepted', message: acceptedMessage(authenticate, outcome.result)};
    case 'transport-error':
      return {kind: 'failed', message: 'The test endpoint could not be reached. Check your connection and try again.'};
    default: {
      const failedStep = [...outcome.steps].reverse().find((step) => step.status === 'error') ?? outcome.steps.at(-1);
      return {
        kind: 'failed',
        message: `The password could not be checked: ${failedStep?.summary ?? 'the endpoint gave no answer.'}`,
      };
    }
  }
}
