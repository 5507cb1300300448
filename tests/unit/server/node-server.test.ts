import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {call} from '../support/http-call';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {describeInternalError, startServer, type RunningServer} from '../../../src/endpoint/node-server';
import {MIN_COMPRESSED_BYTES, precompressBuild} from '../../../src/endpoint/node-precompress';

describe('the Node server: built site and endpoint on one origin', () => {
  let server: RunningServer;
  const page = `<!doctype html><html><body>${'<p>Web Connector help</p>'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qbwc-build-'));
    writeFileSync(join(dir, 'index.html'), page);
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>Page not found</title>');
    mkdirSync(join(dir, 'assets', 'js'), {recursive: true});
    writeFileSync(join(dir, 'assets', 'js', 'main.0123abcd.js'), 'console.log("x");'.repeat(200));
    mkdirSync(join(dir, 'docs'), {recursive: true});
    writeFileSync(join(dir, 'docs', 'troubleshooting.html'), page);
    server = await startServer({port: 0, host: '127.0.0.1', buildDir: dir});
  });
  afterAll(() => server.close());

  it('serves pages compressed, with no-cache, and clean URLs without .html', async () => {
    const reply = await call(`${server.url}/docs/troubleshooting`, {headers: {'accept-encoding': 'gzip'}});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(reply.body).toString()).toBe(page);
    expect(reply.body.length).toBeLessThan(page.length / 5);
  });

  it('caches hashed assets for a year', async () => {
    const reply = await call(`${server.url}/assets/js/main.0123abcd.js`);
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers unknown pages with the 404 page and status', async () => {
    const reply = await call(`${server.url}/docs/nope`);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).toContain('Page not found');
  });

  it('routes /qbwc to the endpoint on the same origin', async () => {
    const support = await call(`${server.url}/qbwc/support`);
    expect(support.status).toBe(200);
    expect(String(support.headers['content-type'])).toMatch(/text\/html/);
    const wsdl = await call(`${server.url}/qbwc?wsdl`);
    expect(wsdl.status).toBe(200);
    expect(wsdl.body.toString()).toContain('http://developer.intuit.com/');
  });

  it('refuses a body over the limit with 413 without reading it all', async () => {
    const big = Buffer.alloc(server.endpoint.maxBodyBytes + 10, 0x61);
    const reply = await call(`${server.url}/qbwc`, {method: 'POST', headers: {'content-type': 'text/xml'}, body: big});
    expect(reply.status).toBe(413);
  });

  it('answers a SOAP serverVersion call', async () => {
    const envelope =
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><serverVersion xmlns="http://developer.intuit.com/" /></soap:Body></soap:Envelope>';
    const reply = await call(`${server.url}/qbwc`, {
      method: 'POST',
      headers: {'content-type': 'text/xml; charset=utf-8', soapaction: '"http://developer.intuit.com/serverVersion"'},
      body: envelope,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toContain('serverVersionResult');
  });
});

describe('a precompressed build (npm run build writes .br and .gz copies)', () => {
  let server: RunningServer;
  let dir: string;
  const script = 'window.answer = "Web Connector";\n'.repeat(400);
  const page = `<!doctype html><html><body>${'<p>Web Connector help</p>'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qbwc-precompressed-'));
    writeFileSync(join(dir, 'index.html'), page);
    writeFileSync(join(dir, 'tiny.js'), 'x();');
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096, 7));
    mkdirSync(join(dir, 'assets', 'js'), {recursive: true});
    writeFileSync(join(dir, 'assets', 'js', 'main.0123abcd.js'), script);
    const result = await precompressBuild(dir);
    // index.html and the script; not the file under the size floor nor the image.
    expect(result.files).toBe(2);
    expect(result.brotliBytes).toBeLessThan(result.gzipBytes);
    server = await startServer({port: 0, host: '127.0.0.1', buildDir: dir});
  });
  afterAll(() => server.close());

  it('writes copies only for text files over the size floor', () => {
    expect(existsSync(join(dir, 'assets', 'js', 'main.0123abcd.js.br'))).toBe(true);
    expect(existsSync(join(dir, 'index.html.gz'))).toBe(true);
    expect(statSync(join(dir, 'tiny.js')).size).toBeLessThan(MIN_COMPRESSED_BYTES);
    expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'logo.png.br'))).toBe(false);
  });

  it('sends the Brotli copy to a browser that accepts it, and the same bytes once decoded', async () => {
    const reply = await call(`${server.url}/assets/js/main.0123abcd.js`, {headers: {'accept-encoding': 'gzip, deflate, br'}});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers.vary).toContain('Accept-Encoding');
    expect(reply.headers['content-type']).toContain('javascript');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.body.equals(readFileSync(join(dir, 'assets', 'js', 'main.0123abcd.js.br')))).toBe(true);
    expect(brotliDecompressSync(reply.body).toString()).toBe(script);
  });

  it('sends the gzip copy when Brotli is not accepted, and the file itself when nothing is', async () => {
    const gzipped = await call(`${server.url}/`, {headers: {'accept-encoding': 'gzip'}});
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toContain('text/html');
    expect(gunzipSync(gzipped.body).toString()).toBe(page);
    const plain = await call(`${server.url}/`, {headers: {'accept-encoding': 'identity'}});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  it('gives each encoding its own ETag, so a cache never mixes them up', async () => {
    const br = await call(`${server.url}/`, {headers: {'accept-encoding': 'br'}});
    const gz = await call(`${server.url}/`, {headers: {'accept-encoding': 'gzip'}});
    expect(br.headers.etag).toBeTruthy();
    expect(br.headers.etag).not.toBe(gz.headers.etag);
  });
});

describe('a file removed from the build while the server runs', () => {
  it('cuts that answer off at once, logs it once, and goes on serving the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qbwc-replaced-'));
    const page = `<!doctype html><html><body>${'<p>Web Connector help</p>'.repeat(200)}</body></html>`;
    writeFileSync(join(dir, 'index.html'), page);
    mkdirSync(join(dir, 'assets', 'css'), {recursive: true});
    writeFileSync(join(dir, 'assets', 'css', 'styles.0123abcd.css'), 'p { color: #1c1e21; }\n'.repeat(200));
    await precompressBuild(dir);
    const errors: unknown[] = [];
    const server = await startServer({port: 0, host: '127.0.0.1', buildDir: dir, onInternalError: (error) => errors.push(error)});
    try {
      // The server listed the Brotli copy when it started; a new build took it away since.
      rmSync(join(dir, 'assets', 'css', 'styles.0123abcd.css.br'));
      const started = Date.now();
      const outcome = await fetch(`${server.url}/assets/css/styles.0123abcd.css`, {
        headers: {'accept-encoding': 'br'},
        signal: AbortSignal.timeout(5_000),
      })
        .then(
          async (reply) => `answered ${reply.status} with ${(await reply.arrayBuffer()).byteLength} bytes`,
          (error: Error) => `failed: ${error.name}`,
        )
        .catch((error: Error) => `failed: ${error.name}`);
      expect(outcome).toMatch(/^failed: (TypeError|Error)$/);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(errors).toHaveLength(1);
      expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOENT');
      // The log line names the system's code, not the file's path.
      expect(describeInternalError(errors[0])).toMatch(/^Internal error: Error ENOENT\b/);
      expect(describeInternalError(errors[0])).not.toContain(dir);
      const next = await call(`${server.url}/`, {headers: {'accept-encoding': 'gzip'}});
      expect(next.status).toBe(200);
      expect(gunzipSync(next.body).toString()).toBe(page);
    } finally {
      await server.close();
    }
  });
});

describe('connections issued through the Node server', () => {
  it('write localhost, not the loopback IP, into the .qwc (the Web Connector refuses IP hosts)', async () => {
    const server = await startServer({port: 0, host: '127.0.0.1', buildDir: null});
    try {
      const reply = await call(`${server.url}/qbwc/connections`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: '{}',
      });
      expect(reply.status).toBe(201);
      const issued = JSON.parse(reply.body.toString()) as {qwc: string};
      const port = new URL(server.url).port;
      expect(issued.qwc).toContain(`<AppURL>http://localhost:${port}/qbwc</AppURL>`);
      expect(issued.qwc).toContain(`<AppSupport>http://localhost:${port}/qbwc/support</AppSupport>`);
    } finally {
      await server.close();
    }
  });
});
