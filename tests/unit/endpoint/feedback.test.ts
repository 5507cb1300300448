import {afterAll, describe, expect, it} from 'vitest';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createEndpoint, type Endpoint, type EndpointRequest} from '../../../src/endpoint/handler';
import {
  FEEDBACK_MAX_BODY_BYTES,
  FEEDBACK_MAX_PAGE_LENGTH,
  FEEDBACK_VOTES_PER_MINUTE,
  feedbackLine,
  parseFeedback,
  type FeedbackRecord,
} from '../../../src/endpoint/feedback';
import {createFileFeedbackSink} from '../../../src/endpoint/node-feedback';
import {endpointConfigFromEnv} from '../../../src/endpoint/config';

const HOST = {host: 'help.example.com'};
const JSON_TYPE = {'content-type': 'application/json'};

function vote(endpoint: Endpoint, body: string, extra: Partial<EndpointRequest> = {}) {
  return endpoint.handle({
    method: 'POST',
    url: '/qbwc/feedback',
    headers: {...HOST, ...JSON_TYPE, ...extra.headers},
    body,
    clientAddress: extra.clientAddress ?? '203.0.113.7',
  });
}

function recordingEndpoint() {
  const records: FeedbackRecord[] = [];
  const endpoint = createEndpoint({
    feedback: async (record) => {
      records.push(record);
    },
    now: () => Date.parse('2025-03-04T05:06:07.000Z'),
  });
  return {endpoint, records};
}

describe('parseFeedback: what a vote may contain', () => {
  it('accepts a site path and yes or no', () => {
    expect(parseFeedback('{"page":"/docs/troubleshooting","answer":"no"}')).toEqual({
      ok: true,
      vote: {page: '/docs/troubleshooting', answer: 'no'},
    });
    expect(parseFeedback('{"answer":"yes","page":"/"}')).toEqual({ok: true, vote: {page: '/', answer: 'yes'}});
  });

  it.each([
    ['not JSON', 'page=/docs', /must be JSON/],
    ['an array', '[]', /JSON object/],
    ['null', 'null', /JSON object/],
    ['an extra field', '{"page":"/docs","answer":"no","email":"a@b.c"}', /Only "page" and "answer"/],
    ['no page', '{"answer":"no"}', /"page" must be/],
    ['a full URL', '{"page":"https://evil.example/x","answer":"no"}', /"page" must be/],
    ['a protocol-relative path', '{"page":"//evil.example/x","answer":"no"}', /"page" must be/],
    ['a query', '{"page":"/docs?x=1","answer":"no"}', /"page" must be/],
    ['a hash', '{"page":"/docs#qbwc1039","answer":"no"}', /"page" must be/],
    ['a space', '{"page":"/docs/a b","answer":"no"}', /"page" must be/],
    ['a newline', '{"page":"/docs\\n{\\"forged\\":1}","answer":"no"}', /"page" must be/],
    ['a number for page', '{"page":42,"answer":"no"}', /"page" must be/],
    ['too long a page', JSON.stringify({page: `/${'a'.repeat(FEEDBACK_MAX_PAGE_LENGTH)}`, answer: 'no'}), /"page" must be/],
    ['another answer', '{"page":"/docs","answer":"maybe"}', /"answer" must be one of: yes, no/],
    ['a boolean answer', '{"page":"/docs","answer":true}', /"answer" must be one of/],
  ])('refuses %s with a message saying what is wrong', (_name, body, message) => {
    const result = parseFeedback(body);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(message);
  });

  it('writes one line of JSON with time, page and answer only', () => {
    const line = feedbackLine({at: '2025-01-02T03:04:05.000Z', page: '/docs', answer: 'yes'});
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual({at: '2025-01-02T03:04:05.000Z', page: '/docs', answer: 'yes'});
  });
});

describe('POST /qbwc/feedback', () => {
  it('records a valid vote with the time, and no client address', async () => {
    const {endpoint, records} = recordingEndpoint();
    const response = await vote(endpoint, '{"page":"/docs/reauthorize","answer":"no"}');
    expect(response.status).toBe(202);
    expect(JSON.parse(response.body)).toEqual({feedback: 'recorded'});
    expect(records).toEqual([{at: '2025-03-04T05:06:07.000Z', page: '/docs/reauthorize', answer: 'no'}]);
    expect(JSON.stringify(records)).not.toContain('203.0.113.7');
  });

  it('says whether votes are recorded: GET answers 200 with a sink, 404 "off" without', async () => {
    const {endpoint} = recordingEndpoint();
    const on = await endpoint.handle({method: 'GET', url: '/qbwc/feedback', headers: HOST, body: ''});
    expect(on.status).toBe(200);
    expect(JSON.parse(on.body)).toEqual({feedback: 'recorded'});
    const plain = createEndpoint();
    const off = await plain.handle({method: 'GET', url: '/qbwc/feedback', headers: HOST, body: ''});
    expect(off.status).toBe(404);
    expect(JSON.parse(off.body)).toMatchObject({feedback: 'off'});
    const refused = await vote(plain, '{"page":"/docs","answer":"yes"}');
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.body)).toMatchObject({feedback: 'off', error: expect.stringMatching(/does not record/)});
  });

  it('refuses bad content with 400 and a clear message, and records nothing', async () => {
    const {endpoint, records} = recordingEndpoint();
    const bad = await vote(endpoint, '{"page":"docs","answer":"no"}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/"page" must be this site's path/);
    const wrongType = await vote(endpoint, '{"page":"/docs","answer":"no"}', {headers: {'content-type': 'text/plain'}});
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.body).error).toMatch(/application\/json; this request had text\/plain/);
    expect(records).toEqual([]);
  });

  it('refuses a body over the feedback limit with 413', async () => {
    const {endpoint, records} = recordingEndpoint();
    const body = JSON.stringify({page: '/docs', answer: 'no', pad: 'x'.repeat(FEEDBACK_MAX_BODY_BYTES)});
    const response = await vote(endpoint, body);
    expect(response.status).toBe(413);
    expect(records).toEqual([]);
  });

  it('refuses votes sent from another site', async () => {
    const {endpoint, records} = recordingEndpoint();
    const response = await vote(endpoint, '{"page":"/docs","answer":"no"}', {headers: {origin: 'https://evil.example'}});
    expect(response.status).toBe(403);
    const same = await vote(endpoint, '{"page":"/docs","answer":"no"}', {headers: {origin: 'https://help.example.com'}});
    expect(same.status).toBe(202);
    expect(records).toHaveLength(1);
  });

  it('limits each client per minute, and other clients keep voting', async () => {
    const {endpoint, records} = recordingEndpoint();
    const body = '{"page":"/docs","answer":"yes"}';
    for (let i = 0; i < FEEDBACK_VOTES_PER_MINUTE; i++) expect((await vote(endpoint, body)).status).toBe(202);
    const limited = await vote(endpoint, body);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await vote(endpoint, body, {clientAddress: '198.51.100.9'})).status).toBe(202);
    expect(records).toHaveLength(FEEDBACK_VOTES_PER_MINUTE + 1);
  });

  it('answers 503 when the vote cannot be kept, and reports the error once', async () => {
    const errors: unknown[] = [];
    const endpoint = createEndpoint({
      feedback: () => Promise.reject(new Error('disk full')),
      onInternalError: (error) => errors.push(error),
    });
    const response = await vote(endpoint, '{"page":"/docs","answer":"no"}');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).error).toMatch(/could not be recorded/);
    expect(errors).toHaveLength(1);
  });

  it('accepts GET and POST only', async () => {
    const {endpoint} = recordingEndpoint();
    const response = await endpoint.handle({method: 'PUT', url: '/qbwc/feedback', headers: HOST, body: ''});
    expect(response.status).toBe(405);
  });
});

describe('FEEDBACK_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qbwc-feedback-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('is read from the environment, and absent when empty', () => {
    expect(endpointConfigFromEnv({FEEDBACK_FILE: '/var/lib/help/votes.jsonl'}).feedbackFile).toBe('/var/lib/help/votes.jsonl');
    expect(endpointConfigFromEnv({FEEDBACK_FILE: ''}).feedbackFile).toBeUndefined();
    expect(endpointConfigFromEnv({}).feedbackFile).toBeUndefined();
  });

  it('appends one line per vote, in order, making the folder when missing', async () => {
    const file = join(dir, 'new-folder', 'votes.jsonl');
    const sink = createFileFeedbackSink(file);
    await Promise.all(
      Array.from({length: 20}, (_, i) =>
        sink({at: `2025-01-01T00:00:${String(i).padStart(2, '0')}.000Z`, page: `/docs/p${i}`, answer: i % 2 ? 'no' : 'yes'}),
      ),
    );
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(20);
    expect(lines.map((line) => (JSON.parse(line) as {page: string}).page)).toEqual(
      Array.from({length: 20}, (_, i) => `/docs/p${i}`),
    );
  });

  it('through the endpoint: a vote becomes a line, a refused one does not', async () => {
    const file = join(dir, 'endpoint.jsonl');
    const endpoint = createEndpoint({feedback: createFileFeedbackSink(file), now: () => Date.parse('2025-06-01T12:00:00Z')});
    expect((await vote(endpoint, '{"page":"/docs/setup/prerequisites","answer":"no"}')).status).toBe(202);
    expect((await vote(endpoint, '{"page":"nope","answer":"no"}')).status).toBe(400);
    expect(readFileSync(file, 'utf8')).toBe(
      '{"at":"2025-06-01T12:00:00.000Z","page":"/docs/setup/prerequisites","answer":"no"}\n',
    );
  });

  it('rejects each vote it cannot write, and the queue does not stall on the failure', async () => {
    const sink = createFileFeedbackSink(join(dir, 'endpoint.jsonl', 'not-a-folder.jsonl'));
    await expect(sink({at: '2025-01-01T00:00:00.000Z', page: '/', answer: 'yes'})).rejects.toThrow();
    await expect(sink({at: '2025-01-01T00:00:00.000Z', page: '/', answer: 'yes'})).rejects.toThrow();
  });
});
