import {describe, expect, it} from 'vitest';
import {checkPassword, generatePassword} from '../../../src/qbwc/password';
import {createEndpoint} from '../../../src/endpoint/handler';
import {
  diagnosisHeadline,
  verifyPassword,
  visibleCharacters,
  type FetchLike,
} from '../../../src/components/PasswordCheck/password-state';

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
  it('reports an issued password as accepted', async () => {
    const endpoint = createEndpoint();
    const fetcher: FetchLike = (request) => endpoint.fetch(request);
    const {userName, password} = await issue(fetcher);
    const outcome = await verifyPassword(fetcher, ENDPOINT_URL, userName, password);
    expect(outcome.kind).toBe('accepted');
    expect(outcome.message).toMatch(/^Accepted/);
  });

  it('reports nvu in words when the password was cut off on the way', async () => {
    const endpoint = createEndpoint();
    const fetcher: FetchLike = (request) => endpoint.fetch(request);
    const {userName, password} = await issue(fetcher);
    const outcome = await verifyPassword(fetcher, ENDPOINT_URL, userName, password.slice(0, -2));
    expect(outcome).toEqual({
      kind: 'rejected',
      message: expect.stringContaining('answered nvu: the password doesn’t match this user'),
    });
  });

  it('explains what "none" means for a user of the no-work scenario', async () => {
    const endpoint = createEndpoint();
    const fetcher: FetchLike = (request) => endpoint.fetch(request);
    const {userName, password} = await issue(fetcher, 'no-work');
    const outcome = await verifyPassword(fetcher, ENDPOINT_URL, userName, password);
    expect(outcome.kind).toBe('accepted');
    expect(outcome.message).toContain('"none"');
  });

  it('asks for a user name before calling anything', async () => {
    let called = false;
    const outcome = await verifyPassword(async () => ((called = true), new Response('')), ENDPOINT_URL, ' ', 'x');
    expect(outcome.kind).toBe('failed');
    expect(called).toBe(false);
  });

  it('explains an unreachable endpoint and a non-SOAP answer without throwing', async () => {
    const offline = await verifyPassword(() => Promise.reject(new TypeError('Failed to fetch')), ENDPOINT_URL, 'u', 'p');
    expect(offline).toEqual({kind: 'failed', message: expect.stringContaining('could not be reached')});
    const html = await verifyPassword(async () => new Response('<html>Not found</html>', {status: 404}), ENDPOINT_URL, 'u', 'p');
    expect(html).toEqual({kind: 'failed', message: expect.stringContaining('HTTP 404')});
  });
});
