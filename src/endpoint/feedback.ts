/**
 * "Was this page helpful?" answers, as this site's server receives them: GET /qbwc/feedback says
 * whether answers are recorded here, POST /qbwc/feedback records one. The endpoint only stores a
 * vote when the server was given somewhere to keep it (FEEDBACK_FILE on Node, see node-feedback.ts);
 * otherwise both answer 404 with `{"feedback": "off"}`, so the page can say the answer stayed in the
 * browser.
 *
 * What is kept is the time, the page's path and yes or no: no address, no headers, no free text.
 * Web-standard code only (the sink is injected), so the same rules hold on any runtime.
 */

export type FeedbackAnswer = 'yes' | 'no';

export interface FeedbackVote {
  /** The site path the answer is about, e.g. '/docs/setup/prerequisites'. */
  page: string;
  answer: FeedbackAnswer;
}

/** One stored vote: what a sink writes. */
export interface FeedbackRecord extends FeedbackVote {
  /** ISO 8601, UTC. */
  at: string;
}

/** Where votes go; rejects when the vote could not be kept. */
export type FeedbackSink = (record: FeedbackRecord) => Promise<void>;

/** The largest body accepted: a vote is well under 400 bytes. */
export const FEEDBACK_MAX_BODY_BYTES = 2048;
/** The longest page path accepted. */
export const FEEDBACK_MAX_PAGE_LENGTH = 300;
/** Votes one client may send per minute (also the burst): enough for a person, not for a script. */
export const FEEDBACK_VOTES_PER_MINUTE = 10;

export const FEEDBACK_ANSWERS: readonly FeedbackAnswer[] = ['yes', 'no'];

/** A site path: starts with one slash, then URL path characters only (no query, hash, space or control characters). */
const PAGE_PATTERN = /^\/(?!\/)[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/;

export type FeedbackParse = {ok: true; vote: FeedbackVote} | {ok: false; error: string};

/** The vote in a request body, or a message that says what is wrong with it. The caller checks the size first. */
export function parseFeedback(body: string): FeedbackParse {
  const example = 'for example {"page": "/docs/troubleshooting", "answer": "no"}';
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return {ok: false, error: `The body must be JSON, ${example}.`};
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {ok: false, error: `The body must be a JSON object, ${example}.`};
  }
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => key !== 'page' && key !== 'answer');
  if (unknown.length > 0) return {ok: false, error: 'Only "page" and "answer" may be sent.'};
  const {page, answer} = fields;
  if (typeof page !== 'string' || page.length > FEEDBACK_MAX_PAGE_LENGTH || !PAGE_PATTERN.test(page)) {
    return {
      ok: false,
      error: `"page" must be this site's path for the page, starting with "/" (at most ${FEEDBACK_MAX_PAGE_LENGTH} characters, no query or #).`,
    };
  }
  if (!FEEDBACK_ANSWERS.includes(answer as FeedbackAnswer)) {
    return {ok: false, error: `"answer" must be one of: ${FEEDBACK_ANSWERS.join(', ')}.`};
  }
  return {ok: true, vote: {page, answer: answer as FeedbackAnswer}};
}

/** The line a file sink appends for one vote: JSON, then a newline. */
export function feedbackLine(record: FeedbackRecord): string {
  return `${JSON.stringify({at: record.at, page: record.page, answer: record.answer})}\n`;
}

/** What GET and POST /qbwc/feedback answer when votes are not recorded: the page reads `feedback`. */
export const FEEDBACK_OFF_BODY = {
  feedback: 'off',
  error: 'This site does not record page feedback; answers stay in the browser that gave them.',
} as const;
