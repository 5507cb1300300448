import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import * as soap from 'soap';
import {XMLValidator} from 'fast-xml-parser';
import {createEndpoint, type Endpoint} from '../../../src/endpoint/handler';
import {buildWsdl} from '../../../src/endpoint/wsdl';
import {QBWC_METHOD_NAMES} from '../../../src/qbwc/soap';

// A minimal node:http bridge, so this test depends only on the handler.
function serve(endpoint: Endpoint): Promise<{server: Server; url: string}> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      Promise.resolve(
        endpoint.handle({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      ).then((response) => {
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as AddressInfo;
      resolve({server, url: `http://127.0.0.1:${port}`});
    });
  });
}

describe('WSDL', () => {
  it('is well-formed and declares every method in the intuit namespace', () => {
    const wsdl = buildWsdl('https://connect.example.com/qbwc', 'Acme Books Sync');
    expect(XMLValidator.validate(wsdl)).toBe(true);
    expect(wsdl).toContain('targetNamespace="http://developer.intuit.com/"');
    for (const method of QBWC_METHOD_NAMES) {
      expect(wsdl).toContain(`<s:element name="${method}">`);
      expect(wsdl).toContain(`<s:element name="${method}Response">`);
      expect(wsdl).toContain(`<wsdl:operation name="${method}">`);
    }
    expect(wsdl).toContain('name="qbXMLMajorVers" type="s:int"');
    expect(wsdl).toContain('name="receiveResponseXMLResult" type="s:int"');
    expect(wsdl).toContain('name="authenticateResult" type="tns:ArrayOfString"');
  });
});

describe('the soap npm package as a client', () => {
  const endpoint = createEndpoint({config: {branding: {productName: 'Soap Test'}}});
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({server, url} = await serve(endpoint));
  });
  afterAll(
    () =>
      new Promise<void>((done) => {
        server.close(() => done());
      }),
  );

  it('reads the WSDL and calls serverVersion, clientVersion and authenticate', async () => {
    const client = await soap.createClientAsync(`${url}/qbwc?wsdl`);
    expect(Object.keys(client.describe().QBWebConnectorSvc.QBWebConnectorSvcSoap)).toEqual(QBWC_METHOD_NAMES);

    const [version] = await client.serverVersionAsync({});
    expect(version.serverVersionResult).toBe('Soap Test QBWC test endpoint 1.0.0');

    const [clientVersion] = await client.clientVersionAsync({strVersion: '2.0.1.5'});
    expect(String(clientVersion.clientVersionResult).startsWith('W:')).toBe(true);

    const issuedResponse = await fetch(`${url}/qbwc/connections`, {method: 'POST', body: '{"scenario":"busy"}'});
    const issued = (await issuedResponse.json()) as {userName: string; password: string};
    const [auth] = await client.authenticateAsync({strUserName: issued.userName, strPassword: issued.password});
    const items = auth.authenticateResult.string as string[];
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(items.slice(1)).toEqual(['busy', '30']);

    const [refused] = await client.authenticateAsync({strUserName: issued.userName, strPassword: 'wrong'});
    expect(refused.authenticateResult.string[1]).toBe('nvu');

    const [closed] = await client.closeConnectionAsync({ticket: items[0]});
    expect(closed.closeConnectionResult).toContain('busy');
  });
});
