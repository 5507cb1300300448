// The load generator: `concurrency` workers, each playing complete Web Connector sessions back to
// back over a keep-alive connection, checking every answer.
import http from 'node:http';
import {performance} from 'node:perf_hooks';
import {readResult, sessionRequests} from './envelopes.mjs';

const STEPS = ['serverVersion', 'clientVersion', 'authenticate', 'sendRequestXML', 'receiveResponseXML', 'closeConnection'];
const MAX_FAILURE_REASONS = 5;

function post(agent, port, path, operation, body) {
  const payload = Buffer.from(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          SOAPAction: `"http://developer.intuit.com/${operation}"`,
          'Content-Length': payload.length,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started}),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** What a finished step must have returned for the session to count as healthy. */
function checkStep(operation, result) {
  if (result instanceof Error) return result.message;
  if (operation === 'authenticate') {
    if (!result[0]) return 'authenticate returned no ticket';
    if (result[1] !== '') return `authenticate returned "${result[1]}" instead of work for the open file`;
  }
  if (operation === 'sendRequestXML' && !result.includes('CompanyQueryRq')) return 'sendRequestXML returned no CompanyQueryRq';
  if (operation === 'receiveResponseXML' && result !== '100') return `receiveResponseXML returned ${result}, not 100`;
  // A status text for the user: "OK", or "OK: ..." with details.
  if (operation === 'closeConnection' && !/^OK\b/.test(result)) return `closeConnection returned "${result}", not OK`;
  return null;
}

/**
 * Runs sessions against 127.0.0.1:port for `seconds`, then lets the sessions in flight finish.
 * credentials: [{userName, password}], shared round-robin by the workers. Latencies are per
 * request, in milliseconds, unsorted. With `ports` (several instances behind one imagined load
 * balancer), each successive request of a session goes to the next port.
 */
export async function runLoad({port, ports = [port], path, credentials, seconds, concurrency}) {
  const agent = new http.Agent({keepAlive: true, maxSockets: concurrency});
  const latencies = [];
  const failureReasons = new Map();
  let sessions = 0;
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  const fail = (reason) => {
    failures += 1;
    if (failureReasons.size < MAX_FAILURE_REASONS || failureReasons.has(reason)) {
      failureReasons.set(reason, (failureReasons.get(reason) ?? 0) + 1);
    }
  };

  async function runSession(envelopes) {
    let ticket = '';
    let next = sessions;
    for (const operation of STEPS) {
      const port = ports[next++ % ports.length];
      const envelope = envelopes[operation];
      const body = typeof envelope === 'function' ? envelope(ticket) : envelope;
      let response;
      try {
        response = await post(agent, port, path, operation, body);
      } catch (error) {
        fail(`${operation}: ${error.code ?? error.message}`);
        return;
      }
      requests += 1;
      latencies.push(response.ms);
      if (response.status !== 200) {
        fail(`${operation}: HTTP ${response.status}`);
        return;
      }
      const result = readResult(operation, response.text);
      const problem = checkStep(operation, result);
      if (problem) {
        fail(`${operation}: ${problem}`);
        return;
      }
      if (operation === 'authenticate') ticket = result[0];
    }
    sessions += 1;
  }

  async function worker(index) {
    const {userName, password} = credentials[index % credentials.length];
    const envelopes = sessionRequests(userName, password);
    // A dead target fails fast; stop instead of spinning until the deadline.
    while (performance.now() < deadline && failures < 1000) await runSession(envelopes);
  }

  await Promise.all(Array.from({length: concurrency}, (_, index) => worker(index)));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {elapsedMs, sessions, requests, failures, failureReasons: Object.fromEntries(failureReasons), latencies};
}
