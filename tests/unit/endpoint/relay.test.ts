import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createRelay, isAllowedAddress, type RelayFetch, type RelayRequest} from '../../../src/endpoint/relay';
import {createNodeRelay} from '../../../src/endpoint/node-relay';
import {startServer, type RunningServer} from '../../../src/endpoint/node-server';
import {buildRequest, buildResponse, parseResponse} from '../../../src/qbwc/soap';

const PUBLIC = '93.184.215.14';

function post(value: unknown, clientAddress = '198.51.100.7'): RelayRequest {
  return {
    method: 'POST',
    url: '/qbwc/relay',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(value),
    clientAddress,
  };
}

interface Sent {
  url: string;
  init: RequestInit;
}

function recordingFetch(answer: (url: string) => Response = () => soapAnswer()): {fetch: RelayFetch; sent: Sent[]} {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: async (url, init) => {
      sent.push({url, init});
      return answer(url);
    },
  };
}

function soapAnswer(): Response {
  return new Response(buildResponse('serverVersion', 'their service 2.0'), {
    status: 200,
    headers: {'content-type': 'text/xml; charset=utf-8'},
  });
}

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe('which addresses the relay may call', () => {
  it('public unicast only, judged through IPv4-in-IPv6 forms', () => {
    for (const address of [PUBLIC, '2606:4700:4700::1111', '8.8.8.8']) expect(isAllowedAddress(address), address).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '192.0.2.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd00:ec2::254',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      '64:ff9b::a00:1',
      '2002:a00:1::1',
      'not an address',
    ])
      expect(isAllowedAddress(address), address).toBe(false);
  });

  it('opens loopback, and only loopback, when told to', () => {
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('::1', true)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', true)).toBe(false);
  });
});

describe('the relay', () => {
  it('builds the envelope itself from the method and parameters, and passes the answer back', async () => {
    const {fetch, sent} = recordingFetch();
    const relay = createRelay({resolveHost: resolvesTo(PUBLIC), fetch});
    const params = {strUserName: "o'brien & co", strPassword: '<secret>'};
    const answer = await relay.handle(
      post({url: 'https://svc.example/qbwc', method: 'authenticate', params, body: '<evil/>', envelope: '<evil/>'}),
    );
    expect(answer.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://svc.example/qbwc');
    expect(sent[0]?.init.body).toBe(buildRequest('authenticate', params));
    expect(sent[0]?.init.redirect).toBe('manual');
    const relayed = JSON.parse(answer.body) as {status: number; contentType: string; body: string};
    expect(relayed.status).toBe(200);
    expect(relayed.contentType).toContain('text/xml');
    expect(parseResponse(relayed.body)).toEqual({method: 'serverVersion', result: 'their service 2.0'});
  });

  it('refuses anything that is not a Web Connector call, before any network use', async () => {
    const {fetch, sent} = recordingFetch();
    const relay = createRelay({resolveHost: resolvesTo(PUBLIC), fetch});
    for (const body of [
      {url: 'https://svc.example/qbwc', method: 'deleteEverything'},
      {url: 'https://svc.example/qbwc', method: 'authenticate', params: {strUserName: 'a', extra: 'x'}},
      {url: 'https://svc.example/qbwc', method: 'authenticate', params: {strUserName: {nested: true}}},
      {url: 'https://user:pw@svc.example/qbwc', method: 'serverVersion'},
      {url: 'not a url', method: 'serverVersion'},
      ['not', 'an', 'object'],
    ]) {
      const answer = await relay.handle(post(body));
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({reason: 'bad-request'});
    }
    expect((await relay.handle({...post({}), body: 'not json'})).status).toBe(400);
    expect((await relay.handle({...post({}), headers: {'content-type': 'text/xml'}})).status).toBe(415);
    expect(sent).toHaveLength(0);
  });

  it('calls https only, and only hosts that resolve to public addresses', async () => {
    const {fetch, sent} = recordingFetch();
    const call = {method: 'serverVersion', params: {}};
    const plainHttp = await createRelay({resolveHost: resolvesTo(PUBLIC), fetch}).handle(
      post({...call, url: 'http://svc.example/qbwc'}),
    );
    expect(plainHttp.status).toBe(400);
    expect(JSON.parse(plainHttp.body)).toMatchObject({reason: 'not-https'});
    for (const address of ['10.0.0.5', '169.254.169.254', '127.0.0.1', '::1', 'fd12::1']) {
      const relay = createRelay({resolveHost: resolvesTo(PUBLIC, address), fetch});
      const answer = await relay.handle(post({...call, url: 'https://svc.example/qbwc'}));
      expect(answer.status, address).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({reason: 'not-public'});
    }
    const literal = await createRelay({resolveHost: resolvesTo(PUBLIC), fetch}).handle(
      post({...call, url: 'https://[::ffff:192.168.0.1]/qbwc'}),
    );
    expect(literal.status).toBe(403);
    const unresolved = await createRelay({resolveHost: () => Promise.reject(new Error('ENOTFOUND')), fetch}).handle(
      post({...call, url: 'https://nowhere.example/qbwc'}),
    );
    expect(JSON.parse(unresolved.body)).toMatchObject({reason: 'unresolved'});
    expect(sent).toHaveLength(0);
  });

  it('follows a redirect only to an address it may call', async () => {
    const hops = recordingFetch((url) =>
      url === 'https://svc.example/qbwc'
        ? new Response(null, {status: 307, headers: {location: 'https://inside.example/qbwc'}})
        : soapAnswer(),
    );
    const resolveHost = async (host: string) => (host === 'inside.example' ? ['10.0.0.9'] : [PUBLIC]);
    const into = await createRelay({resolveHost, fetch: hops.fetch}).handle(
      post({url: 'https://svc.example/qbwc', method: 'serverVersion'}),
    );
    expect(into.status).toBe(403);
    expect(hops.sent.map((entry) => entry.url)).toEqual(['https://svc.example/qbwc']);

    const fine = await createRelay({resolveHost: resolvesTo(PUBLIC), fetch: hops.fetch}).handle(
      post({url: 'https://svc.example/qbwc', method: 'serverVersion'}),
    );
    expect(fine.status).toBe(200);
    expect(hops.sent.map((entry) => entry.url).slice(1)).toEqual(['https://svc.example/qbwc', 'https://inside.example/qbwc']);
  });

  it('caps the answer size and the time a call may take', async () => {
    const big = recordingFetch(() => new Response('x'.repeat(5_000), {headers: {'content-type': 'text/xml'}}));
    const tooLarge = await createRelay({resolveHost: resolvesTo(PUBLIC), fetch: big.fetch, maxResponseBytes: 1_000}).handle(
      post({url: 'https://svc.example/qbwc', method: 'serverVersion'}),
    );
    expect(tooLarge.status).toBe(502);
    expect(JSON.parse(tooLarge.body)).toMatchObject({reason: 'too-large'});

    const never: RelayFetch = (_, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const slow = await createRelay({resolveHost: resolvesTo(PUBLIC), fetch: never, timeoutMs: 50}).handle(
      post({url: 'https://svc.example/qbwc', method: 'serverVersion'}),
    );
    expect(slow.status).toBe(504);
    expect(JSON.parse(slow.body)).toMatchObject({reason: 'timeout'});
  });

  it('limits each client to its share of calls per window', async () => {
    let time = 0;
    const {fetch} = recordingFetch();
    const relay = createRelay({resolveHost: resolvesTo(PUBLIC), fetch, maxCallsPerWindow: 2, windowMs: 60_000, now: () => time});
    const call = {url: 'https://svc.example/qbwc', method: 'serverVersion'};
    expect((await relay.handle(post(call, 'a'))).status).toBe(200);
    expect((await relay.handle(post(call, 'a'))).status).toBe(200);
    const limited = await relay.handle(post(call, 'a'));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect((await relay.handle(post(call, 'b'))).status).toBe(200);
    time = 60_000;
    expect((await relay.handle(post(call, 'a'))).status).toBe(200);
  });

  it('says it is there on GET, and sends no CORS permission to other sites', async () => {
    const relay = createRelay({resolveHost: resolvesTo(PUBLIC)});
    const ready = await relay.handle({method: 'GET', url: '/qbwc/relay', headers: {}, body: ''});
    expect(JSON.parse(ready.body)).toMatchObject({relay: 'ready'});
    const preflight = await relay.handle({
      method: 'OPTIONS',
      url: '/qbwc/relay',
      headers: {origin: 'https://evil.example'},
      body: '',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(ready.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the relay on Node, through the server', () => {
  let target: RunningServer;
  let relaying: RunningServer;
  let strict: RunningServer;

  beforeAll(async () => {
    target = await startServer({port: 0, host: '127.0.0.1', buildDir: null});
    relaying = await startServer({port: 0, host: '127.0.0.1', buildDir: null, relay: createNodeRelay({allowLoopback: true})});
    strict = await startServer({port: 0, host: '127.0.0.1', buildDir: null, relay: createNodeRelay()});
  });
  afterAll(async () => {
    await Promise.all([target.close(), relaying.close(), strict.close()]);
  });

  async function relayCall(server: RunningServer, url: string, method: string, params: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/qbwc/relay`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({url, method, params}),
    });
    return {status: response.status, body: (await response.json()) as Record<string, unknown>};
  }

  it('signs in to a service on this computer when loopback is allowed', async () => {
    const issued = (await (await fetch(`${target.url}/qbwc/connections`, {method: 'POST'})).json()) as {
      userName: string;
      password: string;
    };
    const answer = await relayCall(relaying, `${target.url}/qbwc`, 'authenticate', {
      strUserName: issued.userName,
      strPassword: issued.password,
    });
    expect(answer.status).toBe(200);
    const parsed = parseResponse(String(answer.body.body));
    expect(parsed.method).toBe('authenticate');
    expect((parsed.result as string[])[1]).not.toBe('nvu');
  });

  it('refuses loopback by default, by name and by address', async () => {
    const port = new URL(target.url).port;
    expect((await relayCall(strict, `https://localhost:${port}/qbwc`, 'serverVersion')).body).toMatchObject({
      reason: 'not-public',
    });
    expect((await relayCall(strict, `https://127.0.0.1:${port}/qbwc`, 'serverVersion')).body).toMatchObject({
      reason: 'not-public',
    });
    expect((await relayCall(strict, `${target.url}/qbwc`, 'serverVersion')).body).toMatchObject({reason: 'not-https'});
  });

  it('is not there unless the server is given one', async () => {
    expect((await fetch(`${target.url}/qbwc/relay`)).status).toBe(404);
  });
});
