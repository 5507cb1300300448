import {describe, expect, it} from 'vitest';
import {createEndpoint, type Endpoint, type EndpointRequest, type EndpointResponse} from '../../../src/endpoint/handler';
import {createInPageTransport} from '../../../src/endpoint/browser-endpoint';
import {runSession, type Transport} from '../../../src/qbwc/client';
import {buildRequest, parseFault, parseResponse, soapActionFor, type QbwcMethod} from '../../../src/qbwc/soap';
import {createTestService, TEST_SCENARIOS, type TestScenario} from '../../../src/qbwc/service';
import {createMemorySessionStore} from '../../../src/endpoint/store/memory';
import {parseQwc} from '../../../src/qbwc/qwc';
import {EXPECTED_OUTCOMES} from '../../../scripts/fuzz/expected-outcomes';

const HOST = {host: 'connect.example.com', 'x-forwarded-proto': 'https'};

async function call(endpoint: Endpoint, req: Partial<EndpointRequest> & {url: string}): Promise<EndpointResponse> {
  return endpoint.handle({method: 'GET', headers: {...HOST}, body: '', ...req});
}

function soapPost(endpoint: Endpoint, method: QbwcMethod, body: string, headers: Record<string, string> = {}) {
  return call(endpoint, {
    method: 'POST',
    url: '/qbwc',
    headers: {...HOST, 'content-type': 'text/xml; charset=utf-8', soapaction: soapActionFor(method), ...headers},
    body,
  });
}

async function issue(endpoint: Endpoint, scenario?: TestScenario, clientAddress?: string) {
  const response = await call(endpoint, {
    method: 'POST',
    url: '/qbwc/connections',
    body: scenario ? JSON.stringify({scenario}) : '',
    ...(clientAddress ? {clientAddress} : {}),
  });
  expect(response.status).toBe(201);
  return JSON.parse(response.body) as {
    userName: string;
    password: string;
    qwc: string;
    qwcFileName: string;
    expiresAt: string;
    scenario: string;
  };
}

/** A transport through endpoint.fetch, with real WHATWG Request and Response objects. */
function fetchTransport(endpoint: Endpoint): Transport {
  return async ({body, soapAction}) => {
    const response = await endpoint.fetch(
      new Request('https://connect.example.com/qbwc', {
        method: 'POST',
        headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapAction},
        body,
      }),
    );
    return {status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text()};
  };
}

function expectFault(response: EndpointResponse, status = 500) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
  const fault = parseFault(response.body);
  expect(fault).not.toBeNull();
  return fault!;
}

describe('full sessions driven by the mock Web Connector', () => {
  for (const [label, makeTransport] of [
    ['handle', createInPageTransport],
    ['fetch', fetchTransport],
  ] as const) {
    it.each(TEST_SCENARIOS)(`runs the %s scenario through .${label}`, async (scenario) => {
      const endpoint = createEndpoint();
      const issued = await issue(endpoint, scenario);
      const outcome = await runSession(makeTransport(endpoint), {
        userName: issued.userName,
        password: issued.password,
        noOpDelayMs: 0,
      });
      expect(outcome.result).toBe(EXPECTED_OUTCOMES[scenario].result);
      expect(outcome.troubleshootingCode).toBe(EXPECTED_OUTCOMES[scenario].code);
      expect(outcome.steps[0]!.method).toBe('serverVersion');
      expect(outcome.steps.at(-1)!.method).toBe('closeConnection');
      for (const step of outcome.steps) {
        expect(step.httpStatus).toBe(200);
        expect(step.responseXml).toBeTruthy();
      }
      const log = JSON.parse((await call(endpoint, {url: `/qbwc/sessions?user=${issued.userName}`})).body);
      // A refused sign-in is kept apart from sessions.
      const refused = scenario === 'wrong-password';
      expect(log.sessions).toHaveLength(refused ? 0 : 1);
      expect(log.failedLogins).toHaveLength(refused ? 1 : 0);
    });
  }

  it('reports a wrong password as invalid-password', async () => {
    const endpoint = createEndpoint();
    const issued = await issue(endpoint);
    const outcome = await runSession(createInPageTransport(endpoint), {userName: issued.userName, password: 'WRONG-WRONG'});
    expect(outcome.result).toBe('invalid-password');
    expect(outcome.troubleshootingCode).toBe('nvu');
  });
});

describe('POST /qbwc errors', () => {
  const endpoint = createEndpoint();

  it('answers malformed XML with a SOAP Fault and HTTP 500', async () => {
    const fault = expectFault(await soapPost(endpoint, 'authenticate', '<soap:Envelope><soap:Body><authenticate>'));
    expect(fault.code).toBe('soap:Client');
    expect(fault.message).toContain('not well-formed');
  });

  it('answers an unknown method with a SOAP Fault naming the methods it knows', async () => {
    const body = buildRequest('getLastError', {ticket: 'x'}).replace(/getLastError/g, 'deleteCompany');
    const fault = expectFault(
      await soapPost(endpoint, 'getLastError', body, {soapaction: '"http://developer.intuit.com/deleteCompany"'}),
    );
    expect(fault.message).toContain('Unknown method');
    expect(fault.message).toContain('sendRequestXML');
  });

  it('refuses other content types with 415 and says which one is needed', async () => {
    const response = await soapPost(endpoint, 'serverVersion', buildRequest('serverVersion', {}), {
      'content-type': 'application/json',
    });
    const fault = expectFault(response, 415);
    expect(fault.message).toContain('text/xml');
    expect(fault.message).toContain('application/json');
    expectFault(await call(endpoint, {method: 'POST', url: '/qbwc', body: buildRequest('serverVersion', {})}), 415);
  });

  it('accepts application/soap+xml and a content type with odd case', async () => {
    for (const type of ['application/soap+xml; charset=utf-8', 'Text/XML']) {
      const response = await soapPost(endpoint, 'serverVersion', buildRequest('serverVersion', {}), {'content-type': type});
      expect(response.status).toBe(200);
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const small = createEndpoint({config: {limits: {maxBodyBytes: 2048}}});
    const big = buildRequest('getLastError', {ticket: 'x'.repeat(4000)});
    expectFault(await soapPost(small, 'getLastError', big), 413);
    // Multi-byte text counts in UTF-8 bytes, not characters.
    const wide = buildRequest('getLastError', {ticket: '€'.repeat(600)});
    expect(wide.length).toBeLessThan(2048);
    expectFault(await soapPost(small, 'getLastError', wide), 413);
  });

  it('rejects a billion-laughs entity bomb without expanding it', async () => {
    const entities = Array.from({length: 10}, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="http://developer.intuit.com/"><strUserName>&lol9;</strUserName><strPassword>x</strPassword></authenticate></soap:Body></soap:Envelope>`;
    const response = await soapPost(endpoint, 'authenticate', bomb);
    expect(expectFault(response).message).toContain('DOCTYPE');
    // Refused before any entity is read: nothing of the expansion reaches the answer.
    expect(response.body).not.toContain('lollol');
    expect(response.body.length).toBeLessThan(bomb.length);
  });

  it('rejects 10 000-deep nesting with a Fault, and still answers the next call', async () => {
    const deep = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</soap:Body></soap:Envelope>`;
    const response = await soapPost(endpoint, 'serverVersion', deep);
    expect(expectFault(response).message).toContain('nested');
    const next = await soapPost(endpoint, 'serverVersion', buildRequest('serverVersion', {}));
    expect(next.status).toBe(200);
  });

  it('answers a wrong or expired ticket with a Fault that says so', async () => {
    let time = Date.UTC(2025, 0, 1);
    const now = () => time;
    const store = createMemorySessionStore({now, sessionIdleTtlMs: 60_000});
    const timed = createEndpoint({service: createTestService({store, now, ticketTtlMs: 60_000})});
    const wrong = expectFault(await soapPost(timed, 'sendRequestXML', buildRequest('sendRequestXML', {ticket: 'not-a-ticket'})));
    expect(wrong.message).toContain('not one this service issued');
    const issued = await issue(timed);
    const auth = parseResponse(
      (
        await soapPost(
          timed,
          'authenticate',
          buildRequest('authenticate', {strUserName: issued.userName, strPassword: issued.password}),
        )
      ).body,
    );
    const ticket = (auth.result as string[])[0]!;
    time += 61_000;
    const expired = expectFault(await soapPost(timed, 'sendRequestXML', buildRequest('sendRequestXML', {ticket})));
    expect(expired.message).toContain('expired');
  });

  it('answers an out-of-order call with a Fault', async () => {
    const issued = await issue(endpoint);
    const auth = parseResponse(
      (
        await soapPost(
          endpoint,
          'authenticate',
          buildRequest('authenticate', {strUserName: issued.userName, strPassword: issued.password}),
        )
      ).body,
    );
    const ticket = (auth.result as string[])[0]!;
    const fault = expectFault(
      await soapPost(endpoint, 'receiveResponseXML', buildRequest('receiveResponseXML', {ticket, response: 'x'})),
    );
    expect(fault.message).toContain('out of order');
  });

  it('never echoes the request body or the password in a Fault', async () => {
    const secret = 'S3CRET-PASSWORD-VALUE';
    const broken = buildRequest('authenticate', {strUserName: 'u', strPassword: secret}).replace('</strPassword>', '</strPass>');
    const response = await soapPost(endpoint, 'authenticate', broken);
    expectFault(response);
    expect(response.body).not.toContain(secret);
    const bad = buildRequest('authenticate', {strUserName: 'u', strPassword: secret}).replace(
      '<strPassword>',
      '<strPassword><x/>',
    );
    const second = await soapPost(endpoint, 'authenticate', bad);
    expectFault(second);
    expect(second.body).not.toContain(secret);
  });

  it('keeps live sessions within the store cap when 2 000 sessions flood in', async () => {
    const store = createMemorySessionStore({maxSessions: 200});
    const flooded = createEndpoint({service: createTestService({store})});
    const issued = await issue(flooded);
    const body = buildRequest('authenticate', {strUserName: issued.userName, strPassword: issued.password});
    for (let i = 0; i < 2000; i++) {
      const response = await soapPost(flooded, 'authenticate', body);
      expect(response.status).toBe(200);
    }
    expect((await store.counts()).sessions).toBe(200);
    expect((await flooded.service.stats()).sessions).toBeLessThanOrEqual(200);
  });
});

describe('other routes', () => {
  it('serves a WSDL with every method, addressed to the request origin', async () => {
    const endpoint = createEndpoint({config: {trustProxy: true}});
    const response = await call(endpoint, {url: '/qbwc?wsdl'});
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(response.body).toContain('<soap:address location="https://connect.example.com/qbwc"/>');
    for (const method of ['serverVersion', 'authenticate', 'interactiveRejected']) {
      expect(response.body).toContain(`soapAction="http://developer.intuit.com/${method}"`);
    }
    expect((await call(endpoint, {url: 'http://other.test:8080/qbwc?WSDL', headers: {}})).body).toContain(
      'location="http://other.test:8080/qbwc"',
    );
  });

  it('ignores forwarded headers unless told to trust a proxy, and then believes only the last value', async () => {
    const forged = {host: 'real.example', 'x-forwarded-host': 'attacker.example, real.example', 'x-forwarded-proto': 'https'};
    const untrusting = createEndpoint();
    const plain = await call(untrusting, {url: '/qbwc?wsdl', headers: forged});
    expect(plain.body).toContain('location="http://real.example/qbwc"');
    expect(plain.body).not.toContain('attacker.example');
    const issuedPlain = await call(untrusting, {method: 'POST', url: '/qbwc/connections', headers: forged, body: '{}'});
    expect(issuedPlain.body).not.toContain('attacker.example');

    const trusting = createEndpoint({config: {trustProxy: true}});
    const wsdl = await call(trusting, {
      url: '/qbwc?wsdl',
      headers: {...forged, 'x-forwarded-host': 'attacker.example, proxy.example'},
    });
    expect(wsdl.body).toContain('location="https://proxy.example/qbwc"');
    expect(wsdl.body).not.toContain('attacker.example');

    const pinned = createEndpoint({config: {trustProxy: true, publicOrigin: 'https://help.example.com'}});
    expect((await call(pinned, {url: '/qbwc?wsdl', headers: forged})).body).toContain('location="https://help.example.com/qbwc"');
  });

  it("serves the support page with 200 HTML, the product name, and only the named user's last sync", async () => {
    const endpoint = createEndpoint({config: {branding: {productName: 'Acme <Sync>'}}});
    const empty = await call(endpoint, {url: '/qbwc/support'});
    expect(empty.status).toBe(200);
    expect(empty.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(empty.body).toContain('Acme &lt;Sync&gt;');
    expect(empty.body).toContain('No session has run');
    const issued = await issue(endpoint);
    await runSession(createInPageTransport(endpoint), {userName: issued.userName, password: issued.password});
    // A visitor who names no user sees no one's session.
    const after = await call(endpoint, {url: '/qbwc/support'});
    expect(after.body).not.toContain('QuickBooks answered every request');
    expect(after.body).not.toContain(issued.userName);
    const mine = await call(endpoint, {url: `/qbwc/support?user=${issued.userName}`});
    expect(mine.body).toContain(issued.userName);
    expect(mine.body).toContain('QuickBooks answered every request');
    const someoneElse = await call(endpoint, {url: '/qbwc/support?user=qbwc-test-0000000000'});
    expect(someoneElse.body).not.toContain('QuickBooks answered every request');
    const head = await call(endpoint, {method: 'HEAD', url: '/qbwc/support'});
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers CORS preflights and puts CORS headers on every /qbwc response', async () => {
    const endpoint = createEndpoint();
    const preflight = await call(endpoint, {method: 'OPTIONS', url: '/qbwc'});
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type, soapaction');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    expect(Number(preflight.headers['access-control-max-age'])).toBeGreaterThan(0);
    for (const url of ['/qbwc/health', '/qbwc/nowhere', '/qbwc?wsdl', '/qbwc/sessions?user=x']) {
      expect((await call(endpoint, {url})).headers['access-control-allow-origin']).toBe('*');
    }
    const fromBrowser = await soapPost(endpoint, 'serverVersion', buildRequest('serverVersion', {}), {
      origin: 'https://help.example.com',
    });
    expect(fromBrowser.headers['access-control-allow-origin']).toBe('*');
    // The Web Connector sends no Origin: its answers carry only what it reads.
    const fromWebConnector = await soapPost(endpoint, 'serverVersion', buildRequest('serverVersion', {}));
    expect(fromWebConnector.headers).toEqual({'content-type': 'text/xml; charset=utf-8'});
  });

  it('issues connections whose .qwc points at the request origin', async () => {
    const endpoint = createEndpoint({config: {trustProxy: true}});
    const issued = await issue(endpoint, 'busy');
    expect(issued.scenario).toBe('busy');
    expect(new Date(issued.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const {model} = parseQwc(issued.qwc);
    expect(model?.appUrl).toBe('https://connect.example.com/qbwc');
    expect(model?.appSupport).toBe('https://connect.example.com/qbwc/support');
    expect(model?.userName).toBe(issued.userName);
    expect(issued.qwcFileName.endsWith('.qwc')).toBe(true);

    const pinned = createEndpoint({config: {publicOrigin: 'https://qb.example.org/'}});
    const fromPinned = await issue(pinned);
    expect(parseQwc(fromPinned.qwc).model?.appUrl).toBe('https://qb.example.org/qbwc');
  });

  it('refuses bad connection requests, and limits issuing per client address with 429 and Retry-After', async () => {
    const endpoint = createEndpoint({issueRatePerMinute: 3});
    expect((await call(endpoint, {method: 'POST', url: '/qbwc/connections', body: '{"scenario":"chaos"}'})).status).toBe(400);
    expect((await call(endpoint, {method: 'POST', url: '/qbwc/connections', body: 'not json'})).status).toBe(400);
    expect((await call(endpoint, {method: 'GET', url: '/qbwc/connections'})).status).toBe(405);
    for (let i = 0; i < 3; i++) await issue(endpoint, 'healthy', '203.0.113.7');
    const limited = await call(endpoint, {method: 'POST', url: '/qbwc/connections', body: '', clientAddress: '203.0.113.7'});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBe(20);
    expect(JSON.parse(limited.body).error).toContain('your address');
    // Everyone else is still served, and an IPv6 customer's whole /64 counts as one client.
    expect((await issue(endpoint, 'healthy', '198.51.100.1')).userName).toBeTruthy();
    for (let i = 0; i < 3; i++) await issue(endpoint, 'healthy', `2001:db8:1:2::${i + 1}`);
    const sameNetwork = await call(endpoint, {
      method: 'POST',
      url: '/qbwc/connections',
      body: '',
      clientAddress: '2001:db8:1:2::ff',
    });
    expect(sameNetwork.status).toBe(429);
  });

  it('sends CORS on /qbwc/connections only to configured origins and refuses issuing from other sites', async () => {
    const endpoint = createEndpoint({config: {connectionsCorsOrigins: ['https://help.example.com'], trustProxy: true}});
    const sameSite = await call(endpoint, {
      method: 'POST',
      url: '/qbwc/connections',
      body: '',
      headers: {...HOST, origin: 'https://connect.example.com'},
    });
    expect(sameSite.status).toBe(201);
    expect(sameSite.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await call(endpoint, {
      method: 'POST',
      url: '/qbwc/connections',
      body: '',
      headers: {...HOST, origin: 'https://help.example.com'},
    });
    expect(allowed.status).toBe(201);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://help.example.com');
    const foreign = await call(endpoint, {
      method: 'POST',
      url: '/qbwc/connections',
      body: '{"scenario":"healthy"}',
      headers: {...HOST, origin: 'https://attacker.example', 'content-type': 'text/plain'},
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const foreignPreflight = await call(endpoint, {
      method: 'OPTIONS',
      url: '/qbwc/connections',
      headers: {...HOST, origin: 'https://attacker.example'},
    });
    expect(foreignPreflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(foreignPreflight.headers['access-control-allow-methods']).toBeUndefined();
    const allowedPreflight = await call(endpoint, {
      method: 'OPTIONS',
      url: '/qbwc/connections',
      headers: {...HOST, origin: 'https://help.example.com'},
    });
    expect(allowedPreflight.headers['access-control-allow-origin']).toBe('https://help.example.com');
    expect(allowedPreflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it("keeps failed sign-ins apart, so guessing never pushes a user's real sessions out of the log", async () => {
    const endpoint = createEndpoint();
    const issued = await issue(endpoint);
    const outcome = await runSession(createInPageTransport(endpoint), {userName: issued.userName, password: issued.password});
    expect(outcome.result).toBe('connected');
    const guess = buildRequest('authenticate', {strUserName: issued.userName, strPassword: 'a guess'});
    for (let i = 0; i < 40; i++) await soapPost(endpoint, 'authenticate', guess);
    const body = JSON.parse((await call(endpoint, {url: `/qbwc/sessions?user=${issued.userName}`})).body);
    expect(body.sessions).toHaveLength(1);
    expect(body.sessions[0].status).toBe('connected');
    expect(body.failedLogins).toHaveLength(10);
    expect(JSON.stringify(body)).not.toContain('a guess');
  });

  it("lists a user's sessions without passwords or tickets", async () => {
    const endpoint = createEndpoint();
    const issued = await issue(endpoint);
    const outcome = await runSession(createInPageTransport(endpoint), {userName: issued.userName, password: issued.password});
    const ticket = (parseResponse(outcome.steps[2]!.responseXml!).result as string[])[0]!;
    const response = await call(endpoint, {url: `/qbwc/sessions?user=${encodeURIComponent(issued.userName)}`});
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body);
    expect(body.user).toBe(issued.userName);
    expect(body.sessions[0].status).toBe('connected');
    expect(body.sessions[0].lastMethod).toBe('closeConnection');
    expect(body.sessions[0].steps.length).toBeGreaterThanOrEqual(4);
    expect(response.body).not.toContain(issued.password);
    expect(response.body).not.toContain(ticket);
    expect((await call(endpoint, {url: '/qbwc/sessions?user=nobody'})).status).toBe(404);
    expect((await call(endpoint, {url: '/qbwc/sessions'})).status).toBe(400);
  });

  it('answers health, 404 JSON for unknown paths, and 405 for unsupported methods', async () => {
    const endpoint = createEndpoint();
    const health = await call(endpoint, {url: '/qbwc/health'});
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({status: 'ok', sessions: 0, maxSessions: 5000, maxCredentials: 10000});
    for (const url of ['/qbwc/nowhere', '/elsewhere', '/qbwcx']) {
      const missing = await call(endpoint, {url});
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(missing.body).error).toBeTruthy();
    }
    const put = await call(endpoint, {method: 'PUT', url: '/qbwc'});
    expect(put.status).toBe(405);
    expect(put.headers.allow).toContain('POST');
  });

  it('tolerates a trailing slash on the SOAP path', async () => {
    const endpoint = createEndpoint();
    const response = await call(endpoint, {
      method: 'POST',
      url: '/qbwc/',
      headers: {'content-type': 'text/xml'},
      body: buildRequest('serverVersion', {}),
    });
    expect(response.status).toBe(200);
  });

  it('works through fetch for GET routes and refuses oversized bodies by Content-Length', async () => {
    const endpoint = createEndpoint({config: {limits: {maxBodyBytes: 4096}}});
    const wsdl = await endpoint.fetch(new Request('https://connect.example.com/qbwc?wsdl'));
    expect(wsdl.status).toBe(200);
    expect(await wsdl.text()).toContain('location="https://connect.example.com/qbwc"');
    const options = await endpoint.fetch(new Request('https://connect.example.com/qbwc', {method: 'OPTIONS'}));
    expect(options.status).toBe(204);
    const big = await endpoint.fetch(
      new Request('https://connect.example.com/qbwc', {
        method: 'POST',
        headers: {'content-type': 'text/xml', 'content-length': '999999'},
        body: 'x'.repeat(10),
      }),
    );
    expect(big.status).toBe(413);
  });
});

describe('per-client issuing limit behind a proxy', () => {
  async function issuedUntilRefused(endpoint: Endpoint, headers: Record<string, string>, address: string): Promise<number> {
    for (let issued = 0; issued < 100; issued++) {
      const answer = await endpoint.handle({
        method: 'POST',
        url: '/qbwc/connections',
        headers,
        body: '{}',
        clientAddress: address,
      });
      if (answer.status === 429) return issued;
    }
    return 100;
  }

  it('counts the last X-Forwarded-For address when a proxy is trusted, and the socket address otherwise', async () => {
    const trusting = createEndpoint({config: {trustProxy: true}});
    const first = await issuedUntilRefused(trusting, {'x-forwarded-for': 'spoofed, 203.0.113.7'}, '10.0.0.1');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(100);
    // Another client behind the same proxy still gets credentials.
    const other = await trusting.handle({
      method: 'POST',
      url: '/qbwc/connections',
      headers: {'x-forwarded-for': '198.51.100.9'},
      body: '{}',
      clientAddress: '10.0.0.1',
    });
    expect(other.status).toBe(201);

    const untrusting = createEndpoint();
    const fromSocket = await issuedUntilRefused(untrusting, {'x-forwarded-for': '198.51.100.1'}, '10.0.0.2');
    const forged = await untrusting.handle({
      method: 'POST',
      url: '/qbwc/connections',
      headers: {'x-forwarded-for': '198.51.100.2'},
      body: '{}',
      clientAddress: '10.0.0.2',
    });
    expect(fromSocket).toBe(first);
    expect(forged.status).toBe(429);
  });
});
