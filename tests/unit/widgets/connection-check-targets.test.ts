import {describe, expect, it} from 'vitest';
import {checkServiceUrl, diagnoseFetchFailure} from '../../../src/components/ConnectionCheck/service-targets';
import {hasServerEndpoint, issueConnection, readIssuedConnection} from '../../../src/components/kit/test-endpoint';
import {formatXml} from '../../../src/components/kit/session/pretty-xml';
import {buildResponse, parseResponse} from '../../../src/qbwc/soap';

const issued = {
  userName: 'qbwc-test-0a1b2c3d4e',
  password: 'secret-password',
  qwc: '<?xml version="1.0"?><QBWCXML/>',
  qwcFileName: 'Test qbwc-test-0a1b2c3d4e.qwc',
  expiresAt: Date.UTC(2030, 0, 2),
  scenario: 'busy',
};

describe('issueConnection', () => {
  it('posts the scenario to <endpoint>/connections and reads the answer', async () => {
    const seen: Request[] = [];
    const connection = await issueConnection(
      async (request) => {
        seen.push(request);
        return new Response(JSON.stringify(issued), {status: 201, headers: {'content-type': 'application/json'}});
      },
      'https://help.example/qbwc',
      'busy',
    );
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('https://help.example/qbwc/connections');
    expect(await seen[0]?.json()).toEqual({scenario: 'busy'});
    expect(connection).toMatchObject({userName: issued.userName, scenario: 'busy', expiresAt: '2030-01-02T00:00:00.000Z'});
  });

  it('turns a refusal or a broken answer into a readable error', async () => {
    await expect(
      issueConnection(async () => new Response('Slow down', {status: 429}), 'https://a.example', 'healthy'),
    ).rejects.toThrow(/HTTP 429: Slow down/);
    await expect(issueConnection(async () => new Response('{}', {status: 201}), 'https://a.example', 'healthy')).rejects.toThrow(
      /something other than a connection/,
    );
    await expect(
      issueConnection(async () => Promise.reject(new TypeError('Failed to fetch')), 'https://a.example', 'healthy'),
    ).rejects.toThrow(/could not be reached/);
  });

  it('accepts expiresAt as a number or as ISO text, and refuses an unknown scenario', () => {
    expect(readIssuedConnection({...issued, expiresAt: '2030-01-02T00:00:00Z'})?.expiresAt).toBe('2030-01-02T00:00:00.000Z');
    expect(readIssuedConnection({...issued, scenario: 'network'})).toBeNull();
    expect(readIssuedConnection({...issued, expiresAt: 'soon'})).toBeNull();
  });
});

describe('hasServerEndpoint', () => {
  it('is true only for a 2xx health answer', async () => {
    expect(await hasServerEndpoint(async () => new Response('ok'), 'https://a.example')).toBe(true);
    expect(await hasServerEndpoint(async () => new Response('nope', {status: 404}), 'https://a.example')).toBe(false);
    expect(await hasServerEndpoint(async () => Promise.reject(new TypeError('offline')), 'https://a.example')).toBe(false);
  });

  it('gives up on a server that never answers', async () => {
    const never = (request: Request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    expect(await hasServerEndpoint(never, 'https://a.example', 20)).toBe(false);
  });

  it('reads the answer to the end, so the request is finished (the page can reach network idle)', async () => {
    const response = new Response('ok');
    expect(await hasServerEndpoint(async () => response, 'https://a.example')).toBe(true);
    expect(response.bodyUsed).toBe(true);
  });
});

describe('checkServiceUrl', () => {
  it('accepts http and https addresses', () => {
    expect(checkServiceUrl(' https://svc.example/qbwc ')).toEqual({ok: true, url: 'https://svc.example/qbwc'});
    expect(checkServiceUrl('http://localhost:8080/qbwc').ok).toBe(true);
  });

  it.each([
    ['', /Enter the address/],
    ['svc.example/qbwc', /not a complete address/],
    ['ftp://svc.example/qbwc', /Only https/],
    ['https://me:pw@svc.example/qbwc', /user name and password out/],
  ])('refuses %j', (text, message) => {
    const result = checkServiceUrl(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('diagnoseFetchFailure', () => {
  it('calls it CORS when a no-cors probe gets through', async () => {
    const calls: RequestInit[] = [];
    const diagnosis = await diagnoseFetchFailure(
      'https://svc.example/qbwc',
      async (_url, init) => {
        calls.push(init);
        return new Response(null, {status: 200});
      },
      'https:',
    );
    expect(diagnosis).toBe('cors');
    expect(calls[0]?.mode).toBe('no-cors');
  });

  it('calls it a network failure when the probe fails too', async () => {
    expect(await diagnoseFetchFailure('http://127.0.0.1:9/qbwc', async () => Promise.reject(new TypeError('x')), 'http:')).toBe(
      'network',
    );
  });

  it('spots mixed content before probing, except for loopback addresses', async () => {
    const fail = async () => Promise.reject(new TypeError('x'));
    expect(await diagnoseFetchFailure('http://svc.example/qbwc', fail, 'https:')).toBe('mixed-content');
    expect(await diagnoseFetchFailure('http://localhost:9/qbwc', fail, 'https:')).toBe('network');
  });
});

describe('formatXml', () => {
  it('indents an envelope without changing what it says', () => {
    const wire = buildResponse('sendRequestXML', '<?xml version="1.0"?><QBXML><QBXMLMsgsRq onError="stopOnError"/></QBXML>');
    const pretty = formatXml(wire);
    expect(pretty.split('\n').length).toBeGreaterThan(4);
    expect(pretty).toMatch(/\n {2}<soap:Body>/);
    expect(parseResponse(pretty)).toEqual(parseResponse(wire));
  });

  it('shows text that is not XML as it came', () => {
    expect(formatXml('<html><body>Bad gateway')).toBe('<html><body>Bad gateway');
    expect(formatXml('  plain text  ')).toBe('plain text');
  });
});
