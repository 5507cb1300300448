import {describe, expect, it} from 'vitest';
import {formatFuzzReport, runFuzz} from '../../../scripts/fuzz/run-fuzz';

// A short, seeded run of the same fuzzing `npm run fuzz` does at length: the real server in a
// child process, hostile requests over HTTP, every answer checked.
describe('fuzzing the real server (short, seeded)', () => {
  it('survives every request with a correct answer and a bounded heap', async () => {
    const report = await runFuzz({seed: 20261201, requests: 400, concurrency: 4});
    const summary = formatFuzzReport(report);
    expect(report.requests, summary).toBe(400);
    expect(report.alive, summary).toBe(true);
    expect([...report.failures.keys()], summary).toEqual([]);
    expect(report.internalErrors, summary).toEqual([]);
    expect(report.heapAfter - report.heapBefore, summary).toBeLessThan(32 * 1024 * 1024);
  }, 300_000);
});
