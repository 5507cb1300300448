import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {createHash} from 'node:crypto';
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import {connect, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {request} from 'node:http';
import {call} from '../support/http-call';
import {describeInternalError, startServer, type RunningServer} from '../../../src/endpoint/node-server';
import {createEndpoint, type Endpoint} from '../../../src/endpoint/handler';
import {acceptableRange} from '../../../src/endpoint/range-header';

/** Writes raw bytes and resolves with everything the server sent before it closed the socket. */
function raw(url: string, text: string, keepOpenMs = 0): Promise<{data: string; closedAfterMs: number}> {
  const {hostname, port} = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(Number(port), hostname, () => {
      socket.write(text);
      if (keepOpenMs > 0) setTimeout(() => socket.end(), keepOpenMs);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({data, closedAfterMs: Date.now() - started}));
  });
}

const INLINE_SCRIPT = 'document.documentElement.dataset.theme="light"';
const PAGE = `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><script src="/assets/js/main.js"></script></head><body>${'<p>help</p>'.repeat(200)}</body></html>`;
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg">' + ' '.repeat(2000) + '</svg>';
const SERVER_VERSION =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><serverVersion xmlns="http://developer.intuit.com/" /></soap:Body></soap:Envelope>';

describe('the hardened Node server', () => {
  let server: RunningServer;
  const errors: unknown[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qbwc-hardened-'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>Page not found</title>');
    mkdirSync(join(dir, 'docs', 'tools'), {recursive: true});
    writeFileSync(join(dir, 'docs', 'tools', 'password-check.html'), PAGE);
    writeFileSync(join(dir, 'docs', 'guide.html'), PAGE);
    mkdirSync(join(dir, 'img'), {recursive: true});
    writeFileSync(join(dir, 'img', 'logo.svg'), LOGO);
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      buildDir: dir,
      onInternalError: (error) => errors.push(error),
      config: {limits: {headersTimeoutMs: 1_000, requestTimeoutMs: 1_000}},
    });
  });
  afterAll(() => server.close());

  async function alive(): Promise<void> {
    expect((await call(`${server.url}/qbwc/health`)).status).toBe(200);
  }

  it.each([
    ['bytes=5-2', '/index.html'],
    ['bytes=0-18446744073709551615', '/img/logo.svg'],
    ['bytes=18446744073709551615-', '/img/logo.svg'],
    ['bytes=0-1,5-9', '/index.html'],
    ['bytes=-500', '/index.html'],
    ['bytes=abc', '/index.html'],
    ['items=0-5', '/img/logo.svg'],
    ['bytes=0x10-0x20', '/img/logo.svg'],
    ['bytes=9007199254740993-9007199254740995', '/img/logo.svg'],
  ])('serves %s on %s whole (200) or 416, and lives on', async (range, path) => {
    const reply = await call(`${server.url}${path}`, {headers: {range}});
    expect([200, 416]).toContain(reply.status);
    await alive();
  });

  it('still honours one valid range, and answers 416 for a range past the end', async () => {
    const part = await call(`${server.url}/img/logo.svg`, {headers: {range: 'bytes=0-9'}});
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe(LOGO.slice(0, 10));
    expect((await call(`${server.url}/img/logo.svg`, {headers: {range: 'bytes=999999-'}})).status).toBe(416);
  });

  it('keeps only single, ordered, representable ranges', () => {
    expect(acceptableRange('bytes=0-9')).toBe('bytes=0-9');
    expect(acceptableRange('bytes=10-')).toBe('bytes=10-');
    expect(acceptableRange('bytes=5-2')).toBeUndefined();
    expect(acceptableRange('bytes=0-18446744073709551615')).toBeUndefined();
    expect(acceptableRange('bytes=0-1, 3-4')).toBeUndefined();
    expect(acceptableRange(undefined)).toBeUndefined();
  });

  it('sends the security headers on pages, assets, the 404 page and every endpoint answer', async () => {
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    const soap = call(`${server.url}/qbwc`, {method: 'POST', headers: {'content-type': 'text/xml'}, body: SERVER_VERSION});
    const replies = await Promise.all([
      call(`${server.url}/`),
      call(`${server.url}/img/logo.svg`),
      call(`${server.url}/docs/missing`),
      call(`${server.url}/qbwc/health`),
      call(`${server.url}/qbwc?wsdl`),
      soap,
    ]);
    for (const reply of replies) {
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(reply.headers['strict-transport-security']).toBeUndefined();
    }
    expect(replies[5]!.status).toBe(200);
  });

  it('sends the opener policy with the pages that take a password or a log and the endpoint, not with reading pages', async () => {
    const policy = async (path: string) => (await call(`${server.url}${path}`)).headers['cross-origin-opener-policy'];
    for (const path of [
      '/docs/tools/password-check',
      '/docs/tools/password-check/',
      '/docs/tools/password-check.html',
      '/qbwc/health',
    ])
      expect(await policy(path), path).toBe('same-origin');
    for (const path of ['/', '/docs/guide', '/img/logo.svg', '/docs/missing', '/docs/tools/%E0'])
      expect(await policy(path), path).toBeUndefined();
  });

  it('answers an announced oversized body with 413 before it is sent (Expect: 100-continue)', async () => {
    const size = 8 * 1024 * 1024;
    const result = await new Promise<{status: number; continued: boolean}>((resolve, reject) => {
      let continued = false;
      const req = request(`${server.url}/qbwc`, {
        method: 'POST',
        headers: {'content-type': 'text/xml', 'content-length': String(size), expect: '100-continue'},
      });
      req.on('continue', () => {
        continued = true;
        req.end(Buffer.alloc(size, 0x61));
      });
      req.on('response', (res) => {
        res.resume();
        resolve({status: res.statusCode ?? 0, continued});
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(result).toEqual({status: 413, continued: false});
    await alive();
  });

  it("lets Node's fetch, which sends an 8 MB body without waiting, read the 413 instead of a reset", async () => {
    const response = await fetch(`${server.url}/qbwc`, {
      method: 'POST',
      headers: {'content-type': 'text/xml'},
      body: Buffer.alloc(8 * 1024 * 1024, 0x61),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/larger than/);
    await alive();
  });

  it('cuts a client that sends its headers too slowly', async () => {
    const {data, closedAfterMs} = await raw(server.url, 'GET /qbwc/health HTTP/1.1\r\nHost: x\r\n', 10_000);
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(8_000);
  });

  it('answers a request line that is not HTTP with 400 and lives on', async () => {
    const {data} = await raw(server.url, '\u0000\u0001GARBAGE\r\n\r\n');
    expect(data).toMatch(/^HTTP\/1\.1 400/);
    await alive();
  });

  it('has reported no internal error for any of the hostile requests above', () => {
    expect(errors).toEqual([]);
  });
});

describe('unexpected errors', () => {
  it('answer 500, are reported once, and the log line carries no request data', async () => {
    const reported: unknown[] = [];
    const real = createEndpoint();
    const failing: Endpoint = {
      ...real,
      handle: (req) => {
        throw new Error(`secret ${req.body}`);
      },
    };
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      buildDir: null,
      endpoint: failing,
      onInternalError: (error) => reported.push(error),
    });
    try {
      const reply = await call(`${server.url}/qbwc`, {
        method: 'POST',
        headers: {'content-type': 'text/xml'},
        body: 'password=hunter2',
      });
      expect(reply.status).toBe(500);
      expect(reply.body.toString()).toBe('Internal error.');
      expect(reported).toHaveLength(1);
      const line = describeInternalError(reported[0]);
      expect(line).toMatch(/^Internal error: Error at /);
      expect(line).not.toContain('hunter2');
      expect((await call(`${server.url}/qbwc/health`)).status).toBe(500);
    } finally {
      await server.close();
    }
  });

  it('are logged on stderr by default, once, without the message', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing: Endpoint = {
      ...createEndpoint(),
      handle: () => {
        throw new TypeError('token=abc');
      },
    };
    const server = await startServer({port: 0, host: '127.0.0.1', buildDir: null, endpoint: failing});
    try {
      await call(`${server.url}/qbwc/support`);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]![0])).toMatch(/^Internal error: TypeError/);
      expect(String(spy.mock.calls[0]![0])).not.toContain('token=abc');
    } finally {
      spy.mockRestore();
      await server.close();
    }
  });
});

describe('connection limits and HSTS', () => {
  it('refuses connections past maxConnections and sends HSTS when the public origin is https', async () => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      buildDir: null,
      config: {publicOrigin: 'https://help.example.com', limits: {maxConnections: 2}},
    });
    const {hostname, port} = new URL(server.url);
    const held: Socket[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        held.push(
          await new Promise<Socket>((resolve) => {
            const socket = connect(Number(port), hostname, () => resolve(socket));
          }),
        );
      }
      const third = await raw(server.url, 'GET /qbwc/health HTTP/1.1\r\nHost: x\r\n\r\n', 2_000);
      expect(third.data).toBe('');
      for (const socket of held) socket.destroy();
      // The server counts a connection as gone once it has seen the close; ask until it has.
      let reply = await call(`${server.url}/qbwc/health`).catch(() => null);
      for (let tries = 0; reply === null && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        reply = await call(`${server.url}/qbwc/health`).catch(() => null);
      }
      if (reply === null) throw new Error('the server never accepted a connection again');
      expect(reply.status).toBe(200);
      expect(reply.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      for (const socket of held) socket.destroy();
      await server.close();
    }
  });
});
