import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createInPageTransport, getBrowserEndpoint} from '../../../src/endpoint/browser-endpoint';
import {createFetchTransport} from '../../../src/components/kit/test-endpoint';
import {createEndpoint} from '../../../src/endpoint/handler';
import {defaultBranding} from '../../../src/branding';
import {runSession} from '../../../src/qbwc/client';
import {parseRequest, parseResponse} from '../../../src/qbwc/soap';

const SITE = {branding: {...defaultBranding, productName: 'Acme Books Sync', appName: 'Acme Sync'}, basePath: '/qbwc'};

describe('getBrowserEndpoint', () => {
  it('creates one endpoint lazily and returns it every time', () => {
    const first = getBrowserEndpoint(SITE);
    expect(getBrowserEndpoint(SITE)).toBe(first);
    expect(first.basePath).toBe('/qbwc');
  });

  it("names the site's configured product in what it answers", async () => {
    const support = await getBrowserEndpoint(SITE).fetch(new Request('http://x.test/qbwc/support'));
    expect(await support.text()).toContain('Acme Books Sync: Web Connector test endpoint');
    const issued = await getBrowserEndpoint(SITE).fetch(
      new Request('http://x.test/qbwc/connections', {method: 'POST', headers: {'content-type': 'application/json'}, body: '{}'}),
    );
    const {qwc} = (await issued.json()) as {qwc: string};
    expect(qwc).toContain('<AppName>Acme Sync test</AppName>');
  });

  it('runs a session in the page, exchanging real SOAP text', async () => {
    const endpoint = getBrowserEndpoint(SITE);
    const issued = await endpoint.service.issueConnection({
      endpointUrl: 'https://x.test/qbwc',
      supportUrl: 'https://x.test/qbwc/support',
    });
    const outcome = await runSession(createInPageTransport(endpoint), {userName: issued.userName, password: issued.password});
    expect(outcome.result).toBe('connected');
    for (const step of outcome.steps) {
      expect(parseRequest(step.requestXml).method).toBe(step.method);
      expect(parseResponse(step.responseXml!).method).toBe(step.method);
    }
  });
});

describe('createFetchTransport', () => {
  const endpoint = createEndpoint();
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        void Promise.resolve(endpoint.handle({method: req.method ?? 'GET', url: req.url ?? '/', headers, body})).then(
          (response) => {
            res.writeHead(response.status, response.headers);
            res.end(response.body);
          },
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('drives a full session over real HTTP', async () => {
    const issued = await endpoint.service.issueConnection({
      scenario: 'qb-not-running',
      endpointUrl: `${url}/qbwc`,
      supportUrl: `${url}/qbwc/support`,
    });
    const outcome = await runSession(createFetchTransport(`${url}/qbwc`), {userName: issued.userName, password: issued.password});
    expect(outcome).toMatchObject({result: 'connection-error', troubleshootingCode: '0x80040408'});
    expect(outcome.steps.every((step) => step.httpStatus === 200)).toBe(true);
  });

  it('reports an unreachable URL as a transport error', async () => {
    const outcome = await runSession(createFetchTransport('http://127.0.0.1:9/qbwc'), {userName: 'u', password: 'p'});
    expect(outcome.result).toBe('transport-error');
    expect(outcome.steps).toHaveLength(1);
  });

  it('reports a page that is not SOAP as not-soap', async () => {
    const outcome = await runSession(createFetchTransport(`${url}/qbwc/support`), {userName: 'u', password: 'p'});
    expect(outcome.result).toBe('not-soap');
  });
});
