// The endpoint as a Worker in workerd (Miniflare), for the bench. Run with
// `node --import tsx scripts/bench/edge-server.mjs`. Prints {"port": N, "pids": [...]} once ready:
// the pids are the workerd processes Miniflare started, whose CPU counts as the server's.
import {readFileSync} from 'node:fs';

const {startEdge} = await import('../edge-runtime.ts');

/** Direct children of this process, from /proc (workerd is one). */
function childPids() {
  try {
    return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

const edge = await startEdge({port: 0});
console.log(JSON.stringify({port: Number(new URL(edge.url).port), pids: childPids()}));
process.on('SIGTERM', () => edge.close().then(() => process.exit(0)));
