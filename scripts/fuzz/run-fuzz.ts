/**
 * The fuzz run: hostile requests from a seed, sent to the real server in a child process, with the
 * process, every answer and the heap checked. Used by `npm run fuzz` (long) and a unit test (short).
 */
import {classifyFailure} from './check-answer';
import {sampleHostileRequests, type HostileRequest} from './hostile-requests';
import {send} from './send';
import {startServerUnderTest} from './server-process';

export interface FuzzReport {
  requests: number;
  seed: number;
  /** Each distinct failure with one request that showed it. */
  failures: Map<string, HostileRequest>;
  slowestMs: number;
  slowestKind: string;
  heapBefore: number;
  heapAfter: number;
  alive: boolean;
  internalErrors: string[];
}

export interface FuzzOptions {
  seed: number;
  requests: number;
  concurrency?: number;
  timeoutMs?: number;
  onProgress?: (done: number) => void;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const server = await startServerUnderTest();
  const failures = new Map<string, HostileRequest>();
  let slowestMs = 0;
  let slowestKind = '';
  try {
    const warmup = await server.heap();
    const requests = sampleHostileRequests(options.seed, options.requests);
    const concurrency = options.concurrency ?? 8;
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < requests.length && !server.exited()) {
        const hostile = requests[next++]!;
        const outcome = await send(server.url, hostile, options.timeoutMs ?? 15_000);
        const failure = server.exited() ? 'the server process exited' : classifyFailure(hostile, outcome);
        if (failure !== null && !failures.has(failure)) failures.set(failure, hostile);
        // A lying Content-Length waits for the request timeout by design: not an answer time.
        if (hostile.declaredLength === undefined && 'answer' in outcome && outcome.answer.ms > slowestMs) {
          slowestMs = outcome.answer.ms;
          slowestKind = hostile.kind;
        }
        if (++done % 100 === 0) options.onProgress?.(done);
      }
    };
    await Promise.all(Array.from({length: concurrency}, worker));
    const alive = !server.exited();
    const after = alive ? await server.heap() : warmup;
    const internalErrors = server.errors.filter((line) => line.startsWith('Internal error'));
    for (const line of internalErrors) if (!failures.has(line)) failures.set(line, requests[0]!);
    return {
      requests: done,
      seed: options.seed,
      failures,
      slowestMs,
      slowestKind,
      heapBefore: warmup.heapUsed,
      heapAfter: after.heapUsed,
      alive,
      internalErrors,
    };
  } finally {
    await server.stop();
  }
}

export function formatFuzzReport(report: FuzzReport): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const lines = [
    `requests run:            ${report.requests} (seed ${report.seed})`,
    `distinct failure classes: ${report.failures.size}`,
    `server alive at the end:  ${report.alive ? 'yes' : 'NO'}`,
    `slowest answer:           ${report.slowestMs.toFixed(1)} ms (${report.slowestKind})`,
    `heap after GC:            ${mb(report.heapBefore)} -> ${mb(report.heapAfter)} (growth ${mb(report.heapAfter - report.heapBefore)})`,
  ];
  for (const [failure, example] of report.failures) {
    lines.push(
      `  FAIL ${failure}: ${example.method} ${example.path.slice(0, 80)} ${JSON.stringify(example.headers).slice(0, 200)}`,
    );
  }
  return lines.join('\n');
}
