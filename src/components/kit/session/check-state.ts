/**
 * What the connection check shows, as plain data: the run's state machine and the words for each
 * outcome. No React here, so the rules are unit-tested without a browser.
 */
import type {SessionOutcome, SessionStep} from '../../../qbwc/client';
import {TEST_SCENARIO_LIST, isTestScenario, type TestScenario} from '../../../qbwc/scenarios';
import {
  anchorForScenario,
  findTroubleshootingEntry,
  troubleshootingHref,
  type ConnectionScenario,
} from '../../../qbwc/troubleshooting';

/** How the issued test user behaves; the endpoint plays QuickBooks and the service accordingly. */
export type Scenario = TestScenario;

/** The scenarios as the select offers them, from the one list in src/qbwc/scenarios.ts. */
export const scenarioOptions: readonly {value: Scenario; label: string; hint: string}[] = TEST_SCENARIO_LIST.map(
  ({id, label, hint}) => ({value: id, label, hint}),
);

export const isScenario = isTestScenario;

/** Where the check sends its SOAP calls. */
export type CheckTarget = 'in-page' | 'this-site' | 'custom';

export type CheckPhase = 'idle' | 'running' | 'finished';

export interface CheckState {
  phase: CheckPhase;
  /** Grows as the calls happen, in call order. */
  steps: SessionStep[];
  outcome: SessionOutcome | null;
  /** Set when the check could not even start (no connection issued, a bad URL). */
  setupError: string | null;
  /** Why a custom service could not be reached, once the check has probed it. */
  diagnosis: TransportDiagnosis | null;
  /** Tells a finished run from the next one, so late events of a cancelled run are dropped. */
  runId: number;
}

export type CheckAction =
  | {type: 'start'; runId: number}
  | {type: 'step'; runId: number; step: SessionStep}
  | {type: 'finish'; runId: number; outcome: SessionOutcome; diagnosis?: TransportDiagnosis}
  | {type: 'setup-failed'; runId: number; message: string}
  | {type: 'reset'};

export const initialCheckState: CheckState = {
  phase: 'idle',
  steps: [],
  outcome: null,
  setupError: null,
  diagnosis: null,
  runId: 0,
};

export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  if (action.type === 'reset') return {...initialCheckState, runId: state.runId};
  if (action.type === 'start') {
    return {...initialCheckState, phase: 'running', runId: action.runId};
  }
  // Anything from a run that was cancelled or replaced is stale.
  if (action.runId !== state.runId || state.phase !== 'running') return state;
  switch (action.type) {
    case 'step':
      return {...state, steps: [...state.steps, action.step]};
    case 'finish':
      // The outcome carries every step; it is the complete record even if an event was missed.
      return {
        ...state,
        phase: 'finished',
        outcome: action.outcome,
        steps: action.outcome.steps,
        diagnosis: action.diagnosis ?? null,
      };
    case 'setup-failed':
      return {...state, phase: 'finished', setupError: action.message};
  }
}

export type OutcomeTone = 'success' | 'note' | 'error';

export interface OutcomeReport {
  tone: OutcomeTone;
  headline: string;
  detail: string;
  /** What to try, in order. */
  advice: string[];
  /** The troubleshooting entry that explains this outcome; absent only for a clean success. */
  troubleshooting?: {id: string; href: string; title: string};
}

/** What the check learned about a network failure (see diagnoseFetchFailure). */
export type TransportDiagnosis = 'network' | 'cors' | 'mixed-content';

export interface OutcomeContext {
  target: CheckTarget;
  /** For the custom target: why fetch failed, when it did. */
  diagnosis?: TransportDiagnosis;
  /** The service URL the calls went to, for advice that names it. */
  url?: string;
  /** The calls went through this site's relay, so the browser's rules played no part. */
  relayed?: boolean;
}

function linkFor(id: string): OutcomeReport['troubleshooting'] {
  const entry = findTroubleshootingEntry(id);
  if (!entry) return undefined;
  return {id: entry.id, href: troubleshootingHref(entry.id), title: entry.title};
}

function linkForScenario(scenario: ConnectionScenario): OutcomeReport['troubleshooting'] {
  return linkFor(anchorForScenario[scenario]);
}

/** The last step with an HTTP status outside 2xx, if the failure came from one. */
function failingHttpStatus(steps: readonly SessionStep[]): number | undefined {
  for (let i = steps.length - 1; i >= 0; i -= 1) {
    const status = steps[i]?.httpStatus;
    if (status !== undefined && (status < 200 || status > 299)) return status;
  }
  return undefined;
}

const CORS_ADVICE = [
  "A browser only lets this page read another site's answer when that service sends Access-Control-Allow-Origin for this site and allows the SOAPAction and Content-Type headers (answering the OPTIONS preflight). Most Web Connector services do not, and need not.",
  'The real Web Connector is not a browser, so this rule does not affect it: your service may still work with the Web Connector.',
  "Run the script below from a terminal to sign in without a browser, or read the Web Connector's log (QWCLog.txt) after an update.",
];

/**
 * The outcome in words, with the troubleshooting entry that explains it. For QuickBooks errors the
 * HRESULT the client reports wins over the general mapping, because it names the exact failure.
 */
export function describeOutcome(outcome: SessionOutcome, context: OutcomeContext): OutcomeReport {
  const reported = outcome.troubleshootingCode ? linkFor(outcome.troubleshootingCode) : undefined;
  switch (outcome.result) {
    case 'connected':
      return {
        tone: 'success',
        headline: 'Connected: the whole exchange worked.',
        detail:
          'The service accepted the user name and password, sent a request for QuickBooks, took the answer and closed the session, just as it will with the Web Connector.',
        advice: [],
      };
    case 'signed-in':
      return {
        tone: 'success',
        headline: 'Signed in: the user name and password were accepted.',
        detail: 'The check stopped after authenticate, as asked, and closed the session without exchanging data.',
        advice: [],
      };
    case 'no-work':
      return {
        tone: 'note',
        headline: 'Connected, with nothing to do (none).',
        detail:
          'The service accepted the password and answered "none": it had no work this time. The Web Connector shows "No data exchange required". This is normal, not an error.',
        advice: ['If you expected data to move, check that the service has work queued for this user.'],
        troubleshooting: linkForScenario('no-work'),
      };
    case 'busy':
      return {
        tone: 'note',
        headline: 'The service is busy and asked to come back later (busy).',
        detail:
          'The password was accepted, but the service postponed the update. The Web Connector shows "Application Busy" or "Update postponed by application" and tries again at the next scheduled run.',
        advice: ['Wait for the next scheduled update, or click Update Selected again in a few minutes.'],
        troubleshooting: linkForScenario('busy'),
      };
    case 'invalid-password':
      return {
        tone: 'error',
        headline: 'The password was not accepted (nvu).',
        detail:
          'The service answered authenticate with "nvu": not a valid user. The Web Connector would show "invalid password for username".',
        advice: [
          'Paste the password that came with this .qwc file into the Password column again, press Enter and click Yes.',
          'Check the password for spaces or look-alike characters with the password check.',
        ],
        troubleshooting: linkForScenario('wrong-password'),
      };
    case 'connection-error':
      return {
        tone: 'error',
        headline: 'The Web Connector could not reach QuickBooks.',
        detail:
          'The password was accepted, but QuickBooks could not be started for the company file, so the Web Connector reported the error to the service (connectionError) and stopped.',
        advice: [
          'Open QuickBooks Desktop and the company file this connection was set up for, then run the update again.',
          'Close any other company file that is open.',
        ],
        troubleshooting: reported ?? linkForScenario('qb-not-running'),
      };
    case 'qbxml-error':
      return {
        tone: 'error',
        headline: "QuickBooks could not read the service's request.",
        detail:
          'QuickBooks answered the request with an error, the Web Connector passed it to the service (receiveResponseXML), and the service reported it (getLastError).',
        advice: [
          "This is for the service's developers to fix: the qbXML it sends is malformed or not valid for this QuickBooks version.",
        ],
        troubleshooting: reported ?? linkForScenario('qbxml-error'),
      };
    case 'client-version-rejected':
      return {
        tone: 'error',
        headline: 'The service refused this Web Connector version.',
        detail:
          'The service answered clientVersion with an error or a required version, so the Web Connector would stop before authenticating.',
        advice: ['Install the latest QuickBooks Web Connector, then run the update again.'],
        troubleshooting: linkFor('qbwc1037'),
      };
    case 'not-soap':
      return {
        tone: 'error',
        headline: 'The service did not answer with SOAP XML.',
        detail:
          'The answer was an HTML page or text that is not well-formed XML, such as an error page, a login page or a firewall page. The Web Connector fails the same way.',
        advice: [
          'Open the response envelope below to see what came back.',
          'Check that the URL is the SOAP endpoint itself, not a web page next to it.',
        ],
        troubleshooting: linkForScenario('not-soap'),
      };
    case 'service-error':
      return describeServiceError(outcome);
    case 'transport-error':
      return describeTransportError(outcome, context);
  }
}

/** The Web Connector's code for a call that failed at the service (its QBWC10xx catalogue). */
const serviceFailureEntry: Partial<Record<SessionStep['method'], string>> = {
  clientVersion: 'qbwc1036',
  sendRequestXML: 'qbwc1041',
  receiveResponseXML: 'qbwc1042',
  getLastError: 'qbwc1043',
  closeConnection: 'qbwc1044',
  connectionError: 'qbwc1045',
};

function describeServiceError(outcome: SessionOutcome): OutcomeReport {
  const failing = [...outcome.steps].reverse().find((step) => step.status === 'error') ?? outcome.steps[outcome.steps.length - 1];
  const method = failing?.method;
  return {
    tone: 'error',
    headline: method ? `The service reported an error during ${method}.` : 'The service reported an error.',
    detail: failing
      ? `It answered with a SOAP Fault or an error message instead of going on: ${failing.summary}`
      : 'It answered with a SOAP Fault or an error message instead of going on.',
    advice: ['Open the envelopes of that call below to read the whole answer.', "Check the service's own log for the same time."],
    troubleshooting: linkFor(outcome.troubleshootingCode ?? (method && serviceFailureEntry[method]) ?? 'qbwc1012'),
  };
}

/**
 * The client's own code for a transport failure is the Web Connector's general one (QBWC1012,
 * QBWC1041...); what the browser saw is more specific, so it picks the entry here.
 */
function describeTransportError(outcome: SessionOutcome, context: OutcomeContext): OutcomeReport {
  const status = failingHttpStatus(outcome.steps);
  if (status !== undefined) {
    return {
      tone: 'error',
      headline: `The service answered with HTTP ${status}.`,
      detail: 'It answered with an HTTP error status instead of a SOAP response, so the Web Connector would stop here too.',
      advice: [
        status === 404
          ? 'Check the path of the service URL: nothing answers SOAP there.'
          : "Check the service's own logs for this request.",
      ],
      troubleshooting: status === 404 ? linkFor('msg-404') : linkForScenario('http-error'),
    };
  }
  if (context.diagnosis === 'cors') {
    // Not a failure of the service: the browser withholds the answer, as it does for nearly every real one.
    return {
      tone: 'note',
      headline: 'This service cannot be checked from a browser.',
      detail: `The service at ${context.url ?? 'that address'} answered, but it does not allow web pages of other sites to read its answers (no CORS headers). That is normal for a Web Connector service, and this page, served without its own server, has no other way to reach it.`,
      advice: CORS_ADVICE,
      troubleshooting: linkForScenario('cors'),
    };
  }
  if (context.relayed) {
    const reason = outcome.steps.at(-1)?.summary.replace(/^The request never got an answer: /, '');
    return {
      tone: 'error',
      headline: 'The service could not be reached.',
      detail: `This site's server called ${context.url ?? 'the service'} for you, as the Web Connector would, and got no answer: ${reason ?? 'the call failed.'}`,
      advice: [
        'Check the address, and that the service is running and reachable from the Internet over https.',
        'For a service inside your own network, run the script below on a computer in that network.',
      ],
      troubleshooting: linkForScenario('network'),
    };
  }
  if (context.diagnosis === 'mixed-content') {
    return {
      tone: 'error',
      headline: 'The browser blocked a plain http address from this https page.',
      detail: 'A page loaded over https may not call an http service (mixed content), so the request was never sent.',
      advice: ["Use the service's https address.", ...CORS_ADVICE.slice(1)],
      troubleshooting: linkForScenario('network'),
    };
  }
  const custom = context.target === 'custom';
  return {
    tone: 'error',
    headline: 'The service could not be reached.',
    detail: custom
      ? `The browser could not open a connection to ${context.url ?? 'the service'}: nothing answered, the name did not resolve, or the browser blocked the request (CORS).`
      : 'The request did not get an answer: the network failed or the server stopped.',
    advice: custom
      ? ['Check the address, and that the service is running and reachable from this computer.', ...CORS_ADVICE]
      : ['Check your network connection and run the check again.'],
    troubleshooting: linkForScenario('network'),
  };
}

const statusWords: Record<SessionStep['status'], string> = {
  ok: 'OK',
  warning: 'Warning',
  error: 'Error',
};

/** The status of a step in words; colour and icon only repeat it. */
export function describeStepStatus(status: SessionStep['status']): string {
  return statusWords[status];
}

/** "12 ms", "1.4 s": short enough for a list, precise enough to spot a slow call. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
