// npm run fuzz [-- --requests N --seed S]: property-based fuzzing of the real server over HTTP.
// Prints requests run, distinct failure classes (goal 0), the slowest answer and heap growth.
import {parseArgs} from 'node:util';
import {formatFuzzReport, runFuzz} from './fuzz/run-fuzz';

async function main(): Promise<void> {
  const {values} = parseArgs({options: {requests: {type: 'string', default: '20000'}, seed: {type: 'string'}}});
  const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
  const requests = Number(values.requests);
  console.log(`Fuzzing the server with ${requests} hostile requests (seed ${seed})...`);
  const report = await runFuzz({seed, requests, onProgress: (done) => done % 2000 === 0 && console.log(`  ${done} sent`)});
  console.log(formatFuzzReport(report));
  process.exit(report.failures.size === 0 && report.alive ? 0 : 1);
}

void main();
