// `npm run bench:log`: how fast the log reader reads a 10 MB Web Connector log, built by repeating
// the real excerpts in tests/fixtures/logs. Prints MB/s for each stage (decode, parse, diagnose,
// redact) and for a whole read, the median of several rounds after a warm-up round, by wall-clock
// time and by this process's CPU time (the fairer figure on a busy, shared machine). The goal is a
// 10 MB log read in under a second; the figure is printed, not asserted.
//
// Settings (environment): BENCH_LOG_MB (10), BENCH_LOG_ROUNDS (5).
import {loadavg} from 'node:os';
import {performance} from 'node:perf_hooks';
import {decodeLogBytes} from '../../src/qbwc/log/decode';
import {diagnoseLog} from '../../src/qbwc/log/diagnose';
import {parseLog} from '../../src/qbwc/log/parse';
import {redactLog} from '../../src/qbwc/log/redact';
import {buildLargeLog} from '../../tests/fixtures/logs/fixtures';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number, got "${raw}".`);
    process.exit(2);
  }
  return value;
}

const megabytes = setting('BENCH_LOG_MB', 10);
const rounds = Math.round(setting('BENCH_LOG_ROUNDS', 5));
const {text, repeats} = buildLargeLog(megabytes * 1024 * 1024);
const bytes = new TextEncoder().encode(text);
const sizeMb = bytes.length / (1024 * 1024);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Timed<T> {
  ms: number;
  cpuMs: number;
  result: T;
}

function time<T>(run: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  return {ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result};
}

type Stage = 'decode' | 'parse' | 'diagnose' | 'redact' | 'read';
const stages: Record<Stage, {wall: number[]; cpu: number[]}> = {
  decode: {wall: [], cpu: []},
  parse: {wall: [], cpu: []},
  diagnose: {wall: [], cpu: []},
  redact: {wall: [], cpu: []},
  read: {wall: [], cpu: []},
};
function record(stage: Stage, wall: number, cpu: number): void {
  stages[stage].wall.push(wall);
  stages[stage].cpu.push(cpu);
}
let summary = '';
for (let round = 0; round <= rounds; round++) {
  const decoded = time(() => decodeLogBytes(bytes));
  if (!decoded.result.ok) throw new Error(decoded.result.message);
  const logText = decoded.result.text;
  const parsed = time(() => parseLog(logText));
  const report = time(() => diagnoseLog(parsed.result));
  const redacted = time(() => redactLog(logText));
  // Round 0 warms the JIT up and is not counted.
  if (round === 0) {
    summary = `${parsed.result.lineCount.toLocaleString('en-US')} lines, ${parsed.result.runs.length.toLocaleString('en-US')} runs, ${report.result.findings.length} findings, ${redacted.result.masks.length} masks`;
    continue;
  }
  record('decode', decoded.ms, decoded.cpuMs);
  record('parse', parsed.ms, parsed.cpuMs);
  record('diagnose', report.ms, report.cpuMs);
  record('redact', redacted.ms, redacted.cpuMs);
  record('read', decoded.ms + parsed.ms + report.ms, decoded.cpuMs + parsed.cpuMs + report.cpuMs);
}

console.log(`Log reader: ${sizeMb.toFixed(1)} MB synthetic log (${repeats} copies of the real excerpts): ${summary}`);
console.log(`Median of ${rounds} rounds after a warm-up, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}:`);
const rate = (ms: number) => (sizeMb / (ms / 1000)).toFixed(1);
console.table(
  Object.entries(stages).map(([stage, {wall, cpu}]) => ({
    stage,
    'wall ms': median(wall).toFixed(0),
    'wall MB/s': rate(median(wall)),
    'CPU ms': median(cpu).toFixed(0),
    'CPU MB/s': rate(median(cpu)),
  })),
);
const readCpu = median(stages.read.cpu);
console.log(
  `A whole read (decode + parse + diagnose) of ${sizeMb.toFixed(1)} MB takes ${readCpu.toFixed(0)} ms of CPU (${median(stages.read.wall).toFixed(0)} ms wall): ${readCpu < 1000 ? 'within' : 'over'} the one-second goal.`,
);
