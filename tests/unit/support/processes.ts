/**
 * Processes the multi-instance tests start and always stop: Debian's redis-server on a free
 * loopback port with no persistence, and `npm run serve` instances (endpoint only) sharing it.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {createInterface} from 'node:readline';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const hasRedisServer = existsSync(REDIS_SERVER);
const ROOT = join(__dirname, '..', '..', '..');
const STARTUP_MS = 30_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpMatchArray> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time.\n${stderr}`)), STARTUP_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready.\n${stderr}`));
    });
    createInterface({input: child.stdout!}).on('line', (line) => {
      const match = pattern.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export interface RedisProcess {
  url: string;
  port: number;
  child: ChildProcess;
}

/** redis-server on 127.0.0.1, nothing saved to disk; pass a port to restart on the same one. */
export async function startRedis(port?: number): Promise<RedisProcess> {
  const chosen = port ?? (await freePort());
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    {stdio: ['ignore', 'pipe', 'pipe']},
  );
  await waitForLine(child, /Ready to accept connections/, 'redis-server');
  return {url: `redis://127.0.0.1:${chosen}`, port: chosen, child};
}

export interface ServeProcess {
  url: string;
  child: ChildProcess;
}

/** `npm run serve` without the static site, on a free port, sharing `redisUrl`. */
export async function startServeInstance(redisUrl: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'serve.ts')], {
    cwd: ROOT,
    env: {...process.env, PORT: '0', HOST: '127.0.0.1', SERVE_STATIC: '0', REDIS_URL: redisUrl},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, url] = await waitForLine(child, /endpoint at (http:\/\/\S+)/, 'npm run serve');
  return {url: url!, child};
}
