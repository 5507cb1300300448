/**
 * The widget's side of POST <endpoint>/feedback (src/endpoint/feedback.ts). The vote is sent only
 * after GET <endpoint>/feedback has said this site records votes: on a static host, or a server without
 * FEEDBACK_FILE, nothing about the vote leaves the browser.
 */
import type {FetchLike} from '../kit/fetch-like';

export type FeedbackAnswer = 'yes' | 'no';

/** What happened to a vote: kept by the server, not collected by this site, or not sent because of a failure. */
export type FeedbackOutcome = {kind: 'sent'} | {kind: 'not-collected'} | {kind: 'failed'; reason: string};

/** recorded: this site keeps votes. off: it does not (no server, or one without FEEDBACK_FILE). unknown: the question failed. */
export async function feedbackMode(fetcher: FetchLike, endpointUrl: string): Promise<'recorded' | 'off' | 'unknown'> {
  try {
    const response = await fetcher(new Request(`${endpointUrl}/feedback`, {headers: {accept: 'application/json'}}));
    const body = (await response.json().catch(() => null)) as {feedback?: unknown} | null;
    if (response.ok && body?.feedback === 'recorded') return 'recorded';
    // A static host has no such address (404, or 405 from some hosts); our server says "off" with 404.
    if (response.status === 404 || response.status === 405) return 'off';
    return 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Asks whether votes are recorded, then sends this one only if they are. */
export async function sendFeedback(
  fetcher: FetchLike,
  endpointUrl: string,
  vote: {page: string; answer: FeedbackAnswer},
): Promise<FeedbackOutcome> {
  const mode = await feedbackMode(fetcher, endpointUrl);
  if (mode === 'off') return {kind: 'not-collected'};
  if (mode === 'unknown') return {kind: 'failed', reason: 'this site could not be reached'};
  let response: Response;
  try {
    response = await fetcher(
      new Request(`${endpointUrl}/feedback`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify(vote),
      }),
    );
  } catch {
    return {kind: 'failed', reason: 'this site could not be reached'};
  }
  const body = (await response.json().catch(() => null)) as {feedback?: unknown; error?: unknown} | null;
  if (response.status === 202 && body?.feedback === 'recorded') return {kind: 'sent'};
  if (body?.feedback === 'off') return {kind: 'not-collected'};
  const reason =
    typeof body?.error === 'string' && body.error !== ''
      ? body.error.charAt(0).toLowerCase() + body.error.slice(1).replace(/\.$/, '')
      : `the server answered HTTP ${response.status}`;
  return {kind: 'failed', reason};
}
