import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {call} from '../support/http-call';
import {gunzipSync} from 'node:zlib';
import {startServer, type RunningServer} from '../../../src/endpoint/node-server';

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
