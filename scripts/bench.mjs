// `npm run bench`: throughput, latency and server CPU per Web Connector session for our endpoint,
// the `soap` package serving the same WSDL, and a bare node:http server with canned answers (the
// ceiling). Each server runs alone in its own process; the load runs from this one.
//
// Two more lines show the other deployment shapes: two instances sharing Debian's redis-server
// (requests of a session alternate between them; CPU is both instances plus Redis) and the Worker
// in workerd under Miniflare (CPU is Node plus workerd).
//
// Settings (environment): BENCH_SECONDS (10), BENCH_CONCURRENCY (16), BENCH_WARMUP_SECONDS (2),
// BENCH_SLICES (5). Each target's measured seconds are split into slices run in turn (ours, soap,
// bare, ours, ...), so background load on a shared machine hits every target alike.
// Exits non-zero when a server fails to start or any session fails.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createInterface} from 'node:readline';
import {createServer} from 'node:net';
import {runLoad} from './bench/load.mjs';
import {readProcessCpuMs, cpuClockTicksPerSecond} from './bench/process-cpu.mjs';
import {XMLValidator} from 'fast-xml-parser';
import {BENCH_PASSWORD, BENCH_USER} from './bench/envelopes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'scripts', 'bench');

function positiveNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number, got "${raw}".`);
    process.exit(2);
  }
  return value;
}

const settings = {
  seconds: positiveNumber('BENCH_SECONDS', 10),
  concurrency: Math.floor(positiveNumber('BENCH_CONCURRENCY', 16)),
  warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', 2),
  slices: Math.floor(positiveNumber('BENCH_SLICES', 5)),
};
const STARTUP_TIMEOUT_MS = 30_000;

const children = new Set();
function stopChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopChildren();
    process.exit(130);
  });
}

/** Spawns a server that prints {"port": N} when ready; resolves with its pid and port. */
function startTarget(name, args, env = {}) {
  const child = spawn(process.execPath, args, {cwd: root, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not report a port within ${STARTUP_TIMEOUT_MS / 1000} s.\n${stderr}`)),
      STARTUP_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before listening.\n${stderr}`));
    });
    createInterface({input: child.stdout}).on('line', (line) => {
      try {
        const {port, pids = []} = JSON.parse(line);
        if (Number.isInteger(port)) {
          clearTimeout(timer);
          resolve({name, child, children: [child], pid: child.pid, pids: [child.pid, ...pids], port, stderr: () => stderr});
        }
      } catch {
        // Not the ready line; servers may log other things.
      }
    });
  });
}

async function fetchText(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

/** One connection per worker, as real customers each have their own user. */
async function issueCredentials(port, count) {
  const credentials = [];
  for (let i = 0; i < count; i += 1) {
    const text = await fetchText(`http://127.0.0.1:${port}/qbwc/connections`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({scenario: 'healthy'}),
    });
    const {userName, password} = JSON.parse(text);
    credentials.push({userName, password});
  }
  return credentials;
}

function emptyTally(target) {
  return {target, elapsedMs: 0, cpuMs: 0, sessions: 0, requests: 0, failures: 0, failureReasons: {}, latencies: []};
}

function addRun(tally, run) {
  tally.elapsedMs += run.elapsedMs;
  tally.sessions += run.sessions;
  tally.requests += run.requests;
  tally.failures += run.failures;
  for (const [reason, count] of Object.entries(run.failureReasons))
    tally.failureReasons[reason] = (tally.failureReasons[reason] ?? 0) + count;
  for (const ms of run.latencies) tally.latencies.push(ms);
}

function loadFor(target, seconds) {
  return {
    port: target.port,
    ports: target.ports ?? [target.port],
    path: '/qbwc',
    credentials: target.credentials,
    concurrency: settings.concurrency,
    seconds,
  };
}

/** CPU of every process that serves the target (a process already gone counts as nothing more). */
function targetCpuMs(target) {
  let total = 0;
  for (const pid of target.pids) {
    try {
      total += readProcessCpuMs(pid);
    } catch {
      // Exited: its time is no longer readable.
    }
  }
  return total;
}

/** Debian's redis-server on a free loopback port, nothing saved; resolves once it accepts connections. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start in time.')), STARTUP_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}.`)));
    createInterface({input: child.stdout}).on('line', (line) => {
      if (line.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve({child, pid: child.pid, url: `redis://127.0.0.1:${port}`});
      }
    });
  });
}

/** Two endpoint instances sharing one Redis, addressed in turn like behind a load balancer. */
async function startRedisPair() {
  const redis = await startRedis();
  const script = ['--import', 'tsx', join(benchDir, 'endpoint-server.mjs')];
  const [a, b] = await Promise.all([
    startTarget('pair A', script, {REDIS_URL: redis.url}),
    startTarget('pair B', script, {REDIS_URL: redis.url}),
  ]);
  return {
    name: 'ours x2 + Redis',
    child: a.child,
    children: [a.child, b.child, redis.child],
    pid: a.pid,
    pids: [a.pid, b.pid, redis.pid],
    port: a.port,
    ports: [a.port, b.port],
    stderr: () => `${a.stderr()}\n${b.stderr()}`,
  };
}

/** Warm-up (counted only for failures), then the measured slices, interleaved across targets. */
async function measureAll(targets) {
  const tallies = targets.map(emptyTally);
  for (const tally of tallies) {
    console.log(`Warming up ${tally.target.name} (pid ${tally.target.pid}, port ${tally.target.port})...`);
    const warmup = await runLoad(loadFor(tally.target, settings.warmupSeconds));
    tally.failures += warmup.failures;
    Object.assign(tally.failureReasons, warmup.failureReasons);
  }
  const sliceSeconds = settings.seconds / settings.slices;
  for (let slice = 1; slice <= settings.slices; slice += 1) {
    console.log(`Measuring slice ${slice}/${settings.slices}...`);
    for (const tally of tallies) {
      const cpuBefore = targetCpuMs(tally.target);
      const run = await runLoad(loadFor(tally.target, sliceSeconds));
      tally.cpuMs += targetCpuMs(tally.target) - cpuBefore;
      addRun(tally, run);
      if (tally.target.children.some((child) => child.exitCode !== null))
        throw new Error(`${tally.target.name} exited during the run.\n${tally.target.stderr()}`);
    }
  }
  return tallies.map(summarize);
}

function summarize(tally) {
  const seconds = tally.elapsedMs / 1000;
  const sorted = tally.latencies.sort((a, b) => a - b);
  const percentile = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
  return {
    name: tally.target.name,
    sessionsPerSecond: tally.sessions / seconds,
    requestsPerSecond: tally.requests / seconds,
    p50: percentile(50),
    p99: percentile(99),
    cpuMsPerSession: tally.sessions ? tally.cpuMs / tally.sessions : NaN,
    failures: tally.failures,
    failureReasons: tally.failureReasons,
  };
}

function printTable(rows) {
  const header = ['target', 'sessions/s', 'requests/s', 'p50 ms', 'p99 ms', 'server CPU ms/session', 'failures'];
  const lines = rows.map((row) => [
    row.name,
    row.sessionsPerSecond.toFixed(1),
    row.requestsPerSecond.toFixed(1),
    row.p50.toFixed(2),
    row.p99.toFixed(2),
    row.cpuMsPerSession.toFixed(3),
    String(row.failures),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(format(header));
  console.log(
    `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
  );
  for (const line of lines) console.log(format(line));
}

function ratio(a, b) {
  return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : 'n/a';
}

/** The soap package refuses a WSDL that isn't well-formed; say so plainly instead of its stack. */
function checkedWsdl(wsdl) {
  const verdict = XMLValidator.validate(wsdl);
  if (verdict !== true) throw new Error(`GET /qbwc?wsdl is not well-formed XML: ${verdict.err.msg} (line ${verdict.err.line}).`);
  return wsdl;
}

async function main() {
  const cores = cpus();
  console.log(
    `Machine: ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  // A busy machine skews every figure; say so next to them.
  console.log(
    `Load average (1/5/15 min) before the run: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  console.log(
    `Settings: ${settings.seconds} s measured per target (${settings.slices} interleaved slices) after ${settings.warmupSeconds} s warm-up, concurrency ${settings.concurrency}, ` +
      `keep-alive, 6 calls per session; server CPU from /proc/<pid>/stat at ${cpuClockTicksPerSecond} ticks/s`,
  );

  const workDir = mkdtempSync(join(tmpdir(), 'qbwc-bench-'));
  const rows = [];
  let failed = false;
  try {
    const ours = await startTarget('ours', ['--import', 'tsx', join(benchDir, 'endpoint-server.mjs')]);
    const wsdlFile = join(workDir, 'qbwc.wsdl');
    writeFileSync(wsdlFile, checkedWsdl(await fetchText(`http://127.0.0.1:${ours.port}/qbwc?wsdl`)));
    const oursCredentials = await issueCredentials(ours.port, settings.concurrency);
    const soapServer = await startTarget('soap', [join(benchDir, 'soap-server.mjs'), wsdlFile]);
    const bare = await startTarget('bare (ceiling)', [join(benchDir, 'bare-server.mjs')]);
    ours.credentials = oursCredentials;
    soapServer.credentials = bare.credentials = [{userName: BENCH_USER, password: BENCH_PASSWORD}];
    const targets = [ours, soapServer, bare];
    if (existsSync('/usr/bin/redis-server')) {
      const pair = await startRedisPair();
      pair.credentials = await issueCredentials(pair.port, settings.concurrency);
      targets.push(pair);
    } else {
      console.log('No /usr/bin/redis-server: skipping the Redis-backed pair (apt-get install redis-server).');
    }
    const worker = await startTarget('worker (workerd)', ['--import', 'tsx', join(benchDir, 'edge-server.mjs')]);
    worker.credentials = await issueCredentials(worker.port, settings.concurrency);
    targets.push(worker);
    rows.push(...(await measureAll(targets)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    failed = true;
  } finally {
    stopChildren();
    rmSync(workDir, {recursive: true, force: true});
  }

  console.log(
    `Load average (1/5/15 min) after the run: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  if (rows.length) {
    console.log('');
    printTable(rows);
  }
  const [ours, soapRow, bareRow] = rows;
  const pairRow = rows.find((row) => row.name.includes('Redis'));
  const workerRow = rows.find((row) => row.name.startsWith('worker'));
  if (ours && soapRow && bareRow) {
    console.log('');
    console.log(
      `ours vs soap:  CPU/session ${ratio(ours.cpuMsPerSession, soapRow.cpuMsPerSession)} (lower is better), sessions/s ${ratio(ours.sessionsPerSecond, soapRow.sessionsPerSecond)}`,
    );
    console.log(
      `ours vs bare:  CPU/session ${ratio(ours.cpuMsPerSession, bareRow.cpuMsPerSession)} of the ceiling, sessions/s ${ratio(ours.sessionsPerSecond, bareRow.sessionsPerSecond)}`,
    );
  }
  if (ours && pairRow) {
    console.log(
      `Redis pair vs one in-memory instance: CPU/session ${ratio(pairRow.cpuMsPerSession, ours.cpuMsPerSession)} (both instances and Redis), sessions/s ${ratio(pairRow.sessionsPerSecond, ours.sessionsPerSecond)}`,
    );
  }
  if (ours && workerRow) {
    console.log(
      `Worker vs one in-memory instance: CPU/session ${ratio(workerRow.cpuMsPerSession, ours.cpuMsPerSession)} (Miniflare and workerd), sessions/s ${ratio(workerRow.sessionsPerSecond, ours.sessionsPerSecond)}`,
    );
  }
  // The same session with no HTTP around it, in this process: what the endpoint's own code costs.
  const handlerOnly = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/handler-cpu.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (handlerOnly.status === 0) console.log(handlerOnly.stdout.trim());
  else console.error(`handler-only measurement failed: ${handlerOnly.stderr.trim().split('\n')[0]}`);
  for (const row of rows) {
    if (row.failures > 0) {
      failed = true;
      console.error(`${row.name}: ${row.failures} failed sessions: ${JSON.stringify(row.failureReasons)}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
