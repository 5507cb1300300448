/**
 * Two `npm run serve` instances sharing one Redis, as behind a load balancer: the mock Web
 * Connector sends each successive request to the other instance.
 */
import Redis from 'ioredis';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createFetchTransport} from '../../../src/components/kit/test-endpoint';
import {runSession, type Transport} from '../../../src/qbwc/client';
import {TEST_SCENARIOS, type TestScenario} from '../../../src/qbwc/session-store';
import {buildRequest, parseFault, parseResponse, soapActionFor} from '../../../src/qbwc/soap';
import {EXPECTED_OUTCOMES} from '../../../scripts/fuzz/expected-outcomes';
import {startRedis, startServeInstance, stopProcess, type RedisProcess, type ServeProcess} from '../support/processes';

let redis: RedisProcess;
let first: ServeProcess;
let second: ServeProcess;
const extra: ServeProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  [first, second] = await Promise.all([startServeInstance(redis.url), startServeInstance(redis.url)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([first, second, ...extra].filter(Boolean).map((instance) => stopProcess(instance.child)));
  if (redis) await stopProcess(redis.child);
});

interface Issued {
  userName: string;
  password: string;
}

async function issue(baseUrl: string, scenario: TestScenario): Promise<Issued> {
  const response = await fetch(`${baseUrl}/qbwc/connections`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({scenario}),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Issued;
}

/** Sends request n to urls[n % urls.length]: every successive call reaches another instance. */
function alternating(...urls: string[]): Transport {
  const transports = urls.map((url) => createFetchTransport(`${url}/qbwc`));
  let calls = 0;
  return (request) => transports[calls++ % transports.length]!(request);
}

async function soap(baseUrl: string, method: 'sendRequestXML' | 'authenticate', params: Record<string, string>) {
  const response = await fetch(`${baseUrl}/qbwc`, {
    method: 'POST',
    headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapActionFor(method)},
    body: buildRequest(method, params),
  });
  return {status: response.status, body: await response.text()};
}

async function sessionsOf(baseUrl: string, userName: string) {
  const response = await fetch(`${baseUrl}/qbwc/sessions?user=${encodeURIComponent(userName)}`);
  return (await response.json()) as {sessions: {status: string}[]; failedLogins: unknown[]};
}

describe('two instances sharing Redis', () => {
  it.each(TEST_SCENARIOS)(
    'runs the %s scenario with a credential issued on one instance and every request alternating',
    async (scenario) => {
      const issued = await issue(first.url, scenario);
      const outcome = await runSession(alternating(second.url, first.url), {...issued, noOpDelayMs: 0});
      expect(outcome.result).toBe(EXPECTED_OUTCOMES[scenario].result);
      expect(outcome.troubleshootingCode).toBe(EXPECTED_OUTCOMES[scenario].code);
      for (const step of outcome.steps) expect(step.httpStatus).toBe(200);
      // Both instances see the same log.
      const [fromFirst, fromSecond] = await Promise.all([
        sessionsOf(first.url, issued.userName),
        sessionsOf(second.url, issued.userName),
      ]);
      expect(fromFirst).toEqual(fromSecond);
      expect(fromFirst.sessions.length + fromFirst.failedLogins.length).toBe(1);
    },
    30_000,
  );

  it('keeps only password hashes in Redis, each key expiring with its record', async () => {
    const issued = await issue(first.url, 'healthy');
    const client = new Redis(redis.url);
    try {
      const credentialKey = `qbwc:cred:${issued.userName}`;
      const pendingTtl = await client.pttl(credentialKey);
      expect(pendingTtl).toBeGreaterThan(0);
      expect(pendingTtl).toBeLessThanOrEqual(2 * 60 * 60_000);
      await runSession(alternating(second.url, first.url), {...issued, noOpDelayMs: 0});
      // The first accepted sign-in gives the credential its full week.
      expect(await client.pttl(credentialKey)).toBeGreaterThan(6 * 24 * 60 * 60_000);
      const keys = await client.keys('qbwc:*');
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const type = await client.type(key);
        const values =
          type === 'string'
            ? [await client.get(key)]
            : type === 'list'
              ? await client.lrange(key, 0, -1)
              : await client.zrange(key, 0, -1);
        for (const value of values) expect(value).not.toContain(issued.password);
        // Only the bookkeeping sets live without an expiry; every record has one.
        if (type !== 'zset') expect(await client.pttl(key)).toBeGreaterThan(0);
      }
    } finally {
      client.disconnect();
    }
  }, 30_000);

  it('never lets both instances accept the same step of a session', async () => {
    const issued = await issue(second.url, 'healthy');
    for (let round = 0; round < 5; round++) {
      const auth = await soap(first.url, 'authenticate', {strUserName: issued.userName, strPassword: issued.password});
      const [ticket] = parseResponse(auth.body).result as string[];
      const params = {
        ticket: ticket!,
        strHCPResponse: '',
        strCompanyFileName: '',
        qbXMLCountry: 'US',
        qbXMLMajorVers: '13',
        qbXMLMinorVers: '0',
      };
      const answers = await Promise.all([soap(first.url, 'sendRequestXML', params), soap(second.url, 'sendRequestXML', params)]);
      const accepted = answers.filter((answer) => answer.status === 200);
      const refused = answers.filter((answer) => answer.status !== 200);
      expect(accepted).toHaveLength(1);
      expect(parseResponse(accepted[0]!.body).result).toContain('CompanyQueryRq');
      expect(refused).toHaveLength(1);
      expect(parseFault(refused[0]!.body)?.message).toMatch(/out of order|same moment/);
    }
  }, 30_000);

  it('keeps concurrent sessions apart', async () => {
    const scenarios = [...TEST_SCENARIOS, ...TEST_SCENARIOS];
    const users = await Promise.all(scenarios.map((scenario, i) => issue(i % 2 ? first.url : second.url, scenario)));
    const outcomes = await Promise.all(
      users.map((issued, i) =>
        runSession(alternating(first.url, second.url), {...issued, noOpDelayMs: 0, clientVersion: `2.3.0.${i}`}),
      ),
    );
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.result).toBe(EXPECTED_OUTCOMES[scenarios[i]!].result);
    }
    for (const [i, issued] of users.entries()) {
      const log = await sessionsOf(i % 2 ? second.url : first.url, issued.userName);
      const scenario = scenarios[i]!;
      if (scenario === 'wrong-password') {
        expect(log.sessions).toHaveLength(0);
        expect(log.failedLogins).toHaveLength(1);
      } else {
        expect(log.sessions).toHaveLength(1);
      }
    }
  }, 60_000);

  it('finishes a session on the surviving instance when the other is killed mid-session', async () => {
    const doomed = await startServeInstance(redis.url);
    extra.push(doomed);
    const issued = await issue(doomed.url, 'healthy');
    const toDoomed = createFetchTransport(`${doomed.url}/qbwc`);
    const toSurvivor = createFetchTransport(`${first.url}/qbwc`);
    let calls = 0;
    const transport: Transport = async (request) => {
      calls += 1;
      // serverVersion, clientVersion and authenticate reach the doomed instance; then it dies.
      if (calls <= 3) return toDoomed(request);
      if (calls === 4) await stopProcess(doomed.child, 'SIGKILL');
      return toSurvivor(request);
    };
    const outcome = await runSession(transport, {...issued, noOpDelayMs: 0});
    expect(doomed.child.signalCode).toBe('SIGKILL');
    expect(outcome.result).toBe('connected');
    expect(outcome.steps.map((step) => step.method)).toEqual([
      'serverVersion',
      'clientVersion',
      'authenticate',
      'sendRequestXML',
      'receiveResponseXML',
      'closeConnection',
    ]);
  }, 60_000);

  it('answers 503 "session store unavailable" while Redis is down, and recovers by itself', async () => {
    await stopProcess(redis.child);
    const down = await soap(first.url, 'authenticate', {strUserName: 'qbwc-test-0000000000', strPassword: 'x'});
    expect(down.status).toBe(503);
    expect(parseFault(down.body)?.message).toContain('session store unavailable');
    const issuing = await fetch(`${second.url}/qbwc/connections`, {method: 'POST', body: ''});
    expect(issuing.status).toBe(503);
    expect(Number(issuing.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(first.child.exitCode).toBeNull();
    expect(second.child.exitCode).toBeNull();

    redis = await startRedis(redis.port);
    let issued: Issued | undefined;
    // ioredis reconnects in the background; poll for a bounded number of tries.
    for (let attempt = 0; attempt < 60 && issued === undefined; attempt++) {
      const response = await fetch(`${second.url}/qbwc/connections`, {method: 'POST', body: ''});
      if (response.status === 201) issued = (await response.json()) as Issued;
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(issued).toBeDefined();
    const outcome = await runSession(alternating(first.url, second.url), {...issued!, noOpDelayMs: 0});
    expect(outcome.result).toBe('connected');
  }, 60_000);
});
