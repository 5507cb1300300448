/**
 * Starts the real server (scripts/serve.ts) in a child process on a free 127.0.0.1 port, so a
 * fuzz or soak run can see it die, read what it logs, and ask for its heap.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync, existsSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

export interface ServerUnderTest {
  url: string;
  /** Lines the server wrote to stderr (internal errors are logged there). */
  errors: string[];
  exited(): boolean;
  heap(): Promise<{heapUsed: number; rss: number}>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The production build when there is one; otherwise a small stand-in with a page and an image. */
function buildDir(): string {
  const build = join(ROOT, 'build');
  if (existsSync(join(build, 'index.html'))) return build;
  const dir = mkdtempSync(join(tmpdir(), 'qbwc-fuzz-site-'));
  mkdirSync(join(dir, 'img'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>Help</title>${'<p>help</p>'.repeat(300)}`);
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(join(dir, 'img', 'logo.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(3000)}</svg>`);
  return dir;
}

export async function startServerUnderTest(env: Record<string, string> = {}): Promise<ServerUnderTest> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--require', join(__dirname, 'heap-probe.cjs'), '--import', 'tsx', join(ROOT, 'scripts', 'serve.ts')],
    {
      cwd: ROOT,
      env: {...process.env, PORT: String(port), HOST: '127.0.0.1', BUILD_DIR: buildDir(), ...env},
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  const errors: string[] = [];
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    errors.push(...lines.filter((line) => line.trim() !== ''));
  });
  let exitCode: number | null = null;
  child.on('exit', (code) => (exitCode = code ?? -1));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (exitCode !== null) throw new Error(`The server exited while starting: ${errors.join(' ')}`);
    try {
      if ((await fetch(`${url}/qbwc/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 300) throw new Error('The server did not start within 30 s.');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    errors,
    exited: () => exitCode !== null,
    heap: () =>
      new Promise((done) => {
        child.once('message', (message) => done(message as {heapUsed: number; rss: number}));
        child.send('heap');
      }),
    stop: () =>
      new Promise<void>((done) => {
        if (exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
