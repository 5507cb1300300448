import {describe, expect, it} from 'vitest';
import {checkPassword, generatePassword} from '../../../src/qbwc/password';
import {createEndpoint} from '../../../src/endpoint/handler';
import {diagnosisHeadline, verifyPassword, visibleCharacters} from '../../../src/components/PasswordCheck/password-state';
import {fetcherTransport, type FetchLike} from '../../../src/components/kit/test-endpoint';

const ORIGIN = 'https://help.example.test';
const ENDPOINT_URL = `${ORIGIN}/qbwc`;

async function issue(fetcher: FetchLike, scenario = 'healthy'): Promise<{userName: string; password: string}> {
  const response = await fetcher(
    new Request(`${ENDPOINT_URL}/connections`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({scenario}),
    }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as {userName: string; password: string};
}

describe('diagnosis in words', () => {
  it('says a good password has no problems', () => {
    expect(diagnosisHeadline(checkPassword(generatePassword()))).toMatch(/^No problems found/);
  });

  it('counts problems and points at the fix when one is offered', () => {
    const damaged = `${generatePassword().toLowerCase()} `;
    const diagnosis = checkPassword(damaged);
    expect(diagnosis.fixed).toBeDefined();
    expect(diagnosisHeadline(diagnosis)).toBe(`${diagnosis.problems.length} problems found. The corrected password is below.`);
  });

  it('makes blanks visible and leaves other characters alone', () => {
    expect(visibleCharacters('A B\t\u200B').map((char) => [char.text, char.marked])).toEqual([
      ['A', false],
      ['␣', true],
      ['B', false],
      ['⇥', true],
      ['◌', true],
    ]);
  });
});

describe('verifying against the test endpoint', () => {
  it('reports an issued password as accepted, signing in as the Web Connector does and closing the session', async () => {
    const endpoint = createEndpoint();
    const fetcher: FetchLike = (request) => endpoint.fetch(request);
    const {userName, password} = await issue(fetcher);
    const calls: string[] = [];
    const recording: FetchLike = async (request) => {
      calls.push(request.headers.get('soapaction') ?? '');
      return fetcher(request);
    };
    const outcome = await verifyPassword(fetcherTransport(recording, ENDPOINT_URL), userName, password);
    expect(outcome.kind).toBe('accepted');
    expect(outcome.message).toMatch(/^Accepted/);
    expect(calls.map((action) => action.replace(/^"?http:\/\/developer\.intuit\.com\//, '').replace(/"$/, ''))).toEqual([
      'serverVersion',
      'clientVersion',
      'authenticate',
      'closeConnection',
    ]);
  });

  it('says a password of another format was checked only for what breaks any password', () => {
    const diagnosis = checkPassword('Tr7#kQ9v!mZ2pL4x');
    expect(diagnosisHeadline(diagnosis)).toBe('No spaces at the ends, line breaks, invisible or look-alike characters found.');
  });

  it('reports nvu in words when the password was cut off on the way', async () => {
    const endpoint = createEndpoint();
    const fetcher: FetchLike = (request) => endpoint.fetch(request);
    const {userName, password} = await issue(fetcher);
    const outcome = await verifyPassword(fetcherTransport(fetcher, ENDPOINT_URL), userName, password.slice(0, -2));
    expect(outcome).toEqual({
      kind: 'rejected',
      message: expect.stringContaining('answered nvu: the password doesn’t match this user'),
    });
  });

  it('explains what "none" means for a user of the no-work scenario', async () => {
    const endpoint = createEndpoint();
    const fetcher: FetchLike = (request) => endpoint.fetch(request);
    const {userName, password} = await issue(fetcher, 'no-work');
    const outcome = await verifyPassword(fetcherTransport(fetcher, ENDPOINT_URL), userName, password);
    expect(outcome.kind).toBe('accepted');
    expect(outcome.message).toContain('"none"');
  });

  it('asks for a user name before calling anything', async () => {
    let called = false;
    const outcome = await verifyPassword(
      fetcherTransport(async () => ((called = true), new Response('')), ENDPOINT_URL),
      ' ',
      'x',
    );
    expect(outcome.kind).toBe('failed');
    expect(called).toBe(false);
  });

  it('explains an unreachable endpoint and a non-SOAP answer without throwing', async () => {
    const offline = await verifyPassword(
      fetcherTransport(() => Promise.reject(new TypeError('Failed to fetch')), ENDPOINT_URL),
      'u',
      'p',
    );
    expect(offline).toEqual({kind: 'failed', message: expect.stringContaining('could not be reached')});
    const html = await verifyPassword(
      fetcherTransport(async () => new Response('<html>Not found</html>', {status: 404}), ENDPOINT_URL),
      'u',
      'p',
    );
    expect(html).toEqual({kind: 'failed', message: expect.stringContaining('HTTP 404')});
  });
});
