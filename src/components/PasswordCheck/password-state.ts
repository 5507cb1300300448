/**
 * The password check's logic as plain TypeScript: how a diagnosis reads, how the pasted text is
 * shown with its invisible characters made visible, and how a password is tried against a test
 * endpoint with a real SOAP authenticate call.
 */
import type {PasswordDiagnosis} from '../../qbwc/password';
import {buildRequest, parseResponse, soapActionFor, SoapFaultError} from '../../qbwc/soap';

/** The one-line verdict above the list of problems. */
export function diagnosisHeadline(diagnosis: PasswordDiagnosis): string {
  if (diagnosis.ok) return 'No problems found: the password has all its characters and passes its built-in check.';
  const count = diagnosis.problems.length;
  const found = `${count} problem${count === 1 ? '' : 's'} found`;
  return diagnosis.fixed ? `${found}. The corrected password is below.` : `${found}.`;
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

/** A fetch-shaped function: the window's fetch, or the in-browser endpoint's. */
export type FetchLike = (request: Request) => Promise<Response>;

export type VerifyOutcome =
  {kind: 'accepted'; message: string} | {kind: 'rejected'; message: string} | {kind: 'failed'; message: string};

function acceptedMessage(status: string): string {
  const lower = status.toLowerCase();
  if (lower === 'none')
    return 'Accepted: the user name and password match. The endpoint answered "none": it has nothing to exchange right now, which is normal.';
  if (lower === 'busy')
    return 'Accepted: the user name and password match. The endpoint answered "busy": it asked the Web Connector to try again later.';
  if (status === '')
    return 'Accepted: the user name and password match, and the endpoint would start an update with the company file open in QuickBooks.';
  return `Accepted: the user name and password match, and the endpoint asked for the company file ${status}.`;
}

/** Ends the session a successful authenticate opened, so the test user's log stays tidy. */
async function closeSession(fetcher: FetchLike, endpointUrl: string, ticket: string): Promise<void> {
  try {
    await fetcher(
      new Request(endpointUrl, {
        method: 'POST',
        headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapActionFor('closeConnection')},
        body: buildRequest('closeConnection', {ticket}),
      }),
    );
  } catch {
    // The verdict is already known; a failed goodbye changes nothing for the person.
  }
}

/**
 * Sends the password exactly as given (spaces and all, as the Web Connector would) in a SOAP
 * authenticate call, and says in words what the endpoint answered. Never throws.
 */
export async function verifyPassword(
  fetcher: FetchLike,
  endpointUrl: string,
  userName: string,
  password: string,
): Promise<VerifyOutcome> {
  if (userName.trim() === '')
    return {kind: 'failed', message: 'Enter the user name first: the endpoint checks the password of one user.'};
  let response: Response;
  try {
    response = await fetcher(
      new Request(endpointUrl, {
        method: 'POST',
        headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapActionFor('authenticate')},
        body: buildRequest('authenticate', {strUserName: userName, strPassword: password}),
      }),
    );
  } catch {
    return {kind: 'failed', message: 'The test endpoint could not be reached. Check your connection and try again.'};
  }
  const body = await response.text().catch(() => '');
  let parsed;
  try {
    parsed = parseResponse(body);
  } catch (error) {
    if (error instanceof SoapFaultError) {
      return {
        kind: 'failed',
        message: `The endpoint answered with an error instead of a verdict: ${error.faultString || error.faultCode}`,
      };
    }
    return {
      kind: 'failed',
      message: `The endpoint did not answer with SOAP (HTTP ${response.status}), so the password could not be checked.`,
    };
  }
  if (parsed.method !== 'authenticate' || !Array.isArray(parsed.result)) {
    return {
      kind: 'failed',
      message: 'The endpoint answered a different call than authenticate, so the password could not be checked.',
    };
  }
  const [ticket = '', status = ''] = parsed.result;
  if (status.toLowerCase() === 'nvu') {
    return {
      kind: 'rejected',
      message:
        'Not accepted: the endpoint answered nvu: the password doesn’t match this user (or the user name is wrong, or its test credentials have expired).',
    };
  }
  if (ticket !== '') await closeSession(fetcher, endpointUrl, ticket);
  return {kind: 'accepted', message: acceptedMessage(status)};
}
