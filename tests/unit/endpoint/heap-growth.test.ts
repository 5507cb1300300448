import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {describe, expect, it} from 'vitest';
import {createEndpoint, type Endpoint} from '../../../src/endpoint/handler';
import {buildRequest, parseResponse, soapActionFor, type QbwcMethod} from '../../../src/qbwc/soap';

// The heap is only comparable after a full collection: expose gc() to this test.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const HEADERS = {host: 'connect.example.com', 'content-type': 'text/xml; charset=utf-8'};
/** Each hostile field: 128 KiB (an HRESULT is about ten characters). */
const FIELD = 128 * 1024;

async function post(endpoint: Endpoint, method: QbwcMethod, params: Record<string, string>) {
  const response = await endpoint.handle({
    method: 'POST',
    url: '/qbwc',
    headers: {...HEADERS, soapaction: soapActionFor(method)},
    body: buildRequest(method, params),
  });
  expect(response.status).toBe(200);
  return parseResponse(response.body).result;
}

/** One session whose every free-text field is hostile: huge HRESULTs and messages, with a marker. */
async function hostileSession(endpoint: Endpoint, round: number, size = FIELD): Promise<void> {
  const issued = JSON.parse(
    (await endpoint.handle({method: 'POST', url: '/qbwc/connections', headers: {host: 'connect.example.com'}, body: ''})).body,
  ) as {userName: string; password: string};
  const [ticket] = (await post(endpoint, 'authenticate', {
    strUserName: issued.userName,
    strPassword: issued.password,
  })) as string[];
  await post(endpoint, 'sendRequestXML', {ticket: ticket!, strHCPResponse: 'h'.repeat(size)});
  const huge = `0x8004${round}`.padEnd(size, 'e');
  await post(endpoint, 'receiveResponseXML', {ticket: ticket!, response: '', hresult: huge, message: 'm'.repeat(size)});
  const lastError = (await post(endpoint, 'getLastError', {ticket: ticket!})) as string;
  expect(lastError.length).toBeLessThan(600);
  await post(endpoint, 'closeConnection', {ticket: ticket!});
}

describe('memory kept per session', () => {
  it('stays at a few KB after sessions with 128 KiB HRESULTs and messages, once collected', async () => {
    const endpoint = createEndpoint({issueRatePerMinute: 1_000_000});
    // Warm up with small fields first, so compiled code and the caches' own tables are in place.
    for (let i = 0; i < 30; i++) await hostileSession(endpoint, i, 64);
    collect();
    const before = process.memoryUsage().heapUsed;
    const sessions = 100;
    for (let i = 0; i < sessions; i++) await hostileSession(endpoint, i);
    collect();
    const perSession = (process.memoryUsage().heapUsed - before) / sessions;
    // Each session keeps a credential, a log entry and a clipped error: well under 8 KB.
    expect(perSession).toBeLessThan(8 * 1024);
    expect((await endpoint.service.stats()).credentials).toBe(130);
  }, 120_000);
});
