// npm run soak [-- --sessions 1000 --seed S]: full Web Connector sessions (all six scenarios,
// through the mock Web Connector) all at once against the real server in a child process, with a
// hostile request mixed in for every tenth session. Prints failures, cross-session leaks, p50/p99
// latency and the server's heap and RSS before and after.
import {Agent, request} from 'node:http';
import {parseArgs} from 'node:util';
import {runSession, type Transport} from '../src/qbwc/client';
import {TEST_SCENARIOS, type TestScenario} from '../src/qbwc/service';
import {classifyFailure} from './fuzz/check-answer';
import {sampleHostileRequests} from './fuzz/hostile-requests';
import {send} from './fuzz/send';
import {startServerUnderTest} from './fuzz/server-process';
import {EXPECTED_OUTCOMES} from './fuzz/expected-outcomes';

const TICKET_LIKE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface Credential {
  userName: string;
  password: string;
  scenario: TestScenario;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function issue(url: string, scenario: TestScenario): Promise<Credential> {
  for (;;) {
    const response = await fetch(`${url}/qbwc/connections`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({scenario}),
    });
    if (response.status === 429) {
      await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 5) * 1000));
      continue;
    }
    if (response.status !== 201) throw new Error(`Issuing a ${scenario} connection answered ${response.status}.`);
    const body = (await response.json()) as {userName: string; password: string};
    return {userName: body.userName, password: body.password, scenario};
  }
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      sessions: {type: 'string', default: '1000'},
      seed: {type: 'string', default: '1'},
      users: {type: 'string', default: '5'},
    },
  });
  const sessions = Number(values.sessions);
  const usersPerScenario = Number(values.users);
  const server = await startServerUnderTest({MAX_CONNECTIONS: '4096'});
  const agent = new Agent({keepAlive: true, maxSockets: 256});
  const latencies: number[] = [];
  const transport: Transport = ({body, soapAction}) => {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        `${server.url}/qbwc`,
        {method: 'POST', agent, headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapAction}},
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            latencies.push(performance.now() - started);
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString(),
            });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
  try {
    console.log(`Issuing ${usersPerScenario} test connections per scenario...`);
    const credentials: Credential[] = [];
    for (const scenario of TEST_SCENARIOS)
      for (let i = 0; i < usersPerScenario; i++) credentials.push(await issue(server.url, scenario));
    const before = await server.heap();
    const hostile = sampleHostileRequests(Number(values.seed), Math.ceil(sessions / 10)).filter((r) => r.kind !== 'connections');
    console.log(`Running ${sessions} sessions at once, with ${hostile.length} hostile requests mixed in...`);
    const failures = new Map<string, number>();
    const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
    const ownTickets: string[] = [];
    const started = performance.now();
    const runs = Array.from({length: sessions}, async (_, i) => {
      const credential = credentials[i % credentials.length]!;
      const outcome = await runSession(transport, {userName: credential.userName, password: credential.password, noOpDelayMs: 0});
      const expected = EXPECTED_OUTCOMES[credential.scenario];
      if (outcome.result !== expected.result) fail(`${credential.scenario} ended ${outcome.result}, not ${expected.result}`);
      const authenticate = outcome.steps.find((step) => step.method === 'authenticate');
      const ticket = authenticate?.responseXml?.match(TICKET_LIKE)?.[0]?.toLowerCase();
      if (ticket) ownTickets.push(ticket);
      for (const step of outcome.steps) {
        for (const seen of step.responseXml?.match(TICKET_LIKE) ?? []) {
          if (seen.toLowerCase() !== ticket) fail(`a ${step.method} answer carried another session's ticket`);
        }
      }
    });
    const attacks = hostile.map(async (request, i) => {
      await new Promise((r) => setTimeout(r, i * 5));
      const outcome = await send(server.url, request, 15_000);
      const failure = classifyFailure(request, outcome);
      if (failure !== null) fail(`hostile: ${failure}`);
    });
    await Promise.all([...runs, ...attacks]);
    const seconds = (performance.now() - started) / 1000;
    if (new Set(ownTickets).size !== ownTickets.length) fail('two sessions were given the same ticket');
    if (server.exited()) fail('the server process exited');
    const after = server.exited() ? before : await server.heap();
    const internal = server.errors.filter((line) => line.startsWith('Internal error'));
    for (const line of internal) fail(line);
    latencies.sort((a, b) => a - b);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `sessions:        ${sessions} (${credentials.length} users, all six scenarios) in ${seconds.toFixed(1)} s (${(sessions / seconds).toFixed(0)} sessions/s)`,
    );
    console.log(`SOAP requests:   ${latencies.length}; hostile requests: ${hostile.length}`);
    console.log(`failures:        ${[...failures.values()].reduce((a, b) => a + b, 0)}`);
    for (const [what, count] of failures) console.log(`  ${count} x ${what}`);
    console.log(
      `latency:         p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    console.log(
      `server heap:     ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} after GC; RSS ${mb(before.rss)} -> ${mb(after.rss)}`,
    );
    process.exitCode = failures.size === 0 ? 0 : 1;
  } finally {
    agent.destroy();
    await server.stop();
  }
}

void main();
