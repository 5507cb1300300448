import {describe, expect, it} from 'vitest';
import {runSession, type SessionStep, type Transport} from '../../../src/qbwc/client';
import {createQuickBooksSimulator} from '../../../src/qbwc/quickbooks-simulator';
import {buildFault, buildResponse, parseRequest, type QbwcMethod, type QbwcResultValue} from '../../../src/qbwc/soap';

const XML = 'text/xml; charset=utf-8';
const QBXML_REQUEST =
  '<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError"><CompanyQueryRq requestID="1"/></QBXMLMsgsRq></QBXML>';

type Handler = (params: Record<string, string>) => QbwcResultValue | {fault: string};

/** A fake service: each method answers from a handler, over real SOAP text. */
function scripted(handlers: Partial<Record<QbwcMethod, Handler>>, seen: string[] = []): Transport {
  const defaults: Partial<Record<QbwcMethod, Handler>> = {
    serverVersion: () => '1.0',
    clientVersion: () => '',
    authenticate: () => ['T-1', ''],
    sendRequestXML: () => QBXML_REQUEST,
    receiveResponseXML: () => 100,
    getLastError: () => 'NoOp',
    connectionError: () => 'done',
    closeConnection: () => 'OK',
  };
  return async ({body, soapAction}) => {
    const request = parseRequest(body);
    expect(soapAction).toBe(`"http://developer.intuit.com/${request.method}"`);
    seen.push(request.method);
    const handler = handlers[request.method] ?? defaults[request.method];
    const result = handler!(request.params as Record<string, string>);
    if (typeof result === 'object' && !Array.isArray(result)) {
      return {status: 500, contentType: XML, body: buildFault('soap:Client', result.fault)};
    }
    return {status: 200, contentType: XML, body: buildResponse(request.method, result)};
  };
}

const CREDENTIALS = {userName: 'u', password: 'p', noOpDelayMs: 0};

describe('runSession over a scripted service', () => {
  it('follows the Web Connector order and reports connected', async () => {
    const seen: string[] = [];
    const steps: SessionStep[] = [];
    const outcome = await runSession(scripted({}, seen), CREDENTIALS, (step) => steps.push(step));
    expect(outcome).toMatchObject({result: 'connected'});
    expect(outcome.troubleshootingCode).toBeUndefined();
    expect(seen).toEqual([
      'serverVersion',
      'clientVersion',
      'authenticate',
      'sendRequestXML',
      'receiveResponseXML',
      'closeConnection',
    ]);
    expect(steps).toEqual(outcome.steps);
    for (const step of outcome.steps) {
      expect(step.status).toBe('ok');
      expect(step.requestXml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
      expect(step.summary.length).toBeGreaterThan(10);
    }
  });

  it('sends the Host/Company/Preferences response only on the first sendRequestXML', async () => {
    const hcps: string[] = [];
    let progress = 0;
    const outcome = await runSession(
      scripted({
        sendRequestXML: (params) => {
          hcps.push(params.strHCPResponse!);
          return QBXML_REQUEST;
        },
        receiveResponseXML: (params) => {
          expect(params.response).toContain('CompanyQueryRs');
          return (progress += 50);
        },
      }),
      CREDENTIALS,
    );
    expect(outcome.result).toBe('connected');
    expect(hcps).toHaveLength(2);
    expect(hcps[0]).toContain('<HostQueryRs');
    expect(hcps[0]).toContain('<CompanyQueryRs');
    expect(hcps[0]).toContain('<PreferencesQueryRs');
    expect(hcps[1]).toBe('');
  });

  it('waits on NoOp and asks again, up to the retry limit', async () => {
    let sends = 0;
    const seen: string[] = [];
    const outcome = await runSession(scripted({sendRequestXML: () => (++sends < 3 ? '' : QBXML_REQUEST)}, seen), CREDENTIALS);
    expect(outcome.result).toBe('connected');
    expect(seen.filter((m) => m === 'getLastError')).toHaveLength(2);

    const never = await runSession(scripted({sendRequestXML: () => ''}), {...CREDENTIALS, maxNoOpRetries: 2});
    expect(never.result).toBe('no-work');
    expect(never.steps.filter((s) => s.method === 'sendRequestXML')).toHaveLength(3);
    expect(never.steps.at(-2)!.status).toBe('warning');
  });

  it('treats a getLastError message after an empty request as a service error', async () => {
    const outcome = await runSession(
      scripted({sendRequestXML: () => '', getLastError: () => 'Queue database offline'}),
      CREDENTIALS,
    );
    expect(outcome.result).toBe('service-error');
    expect(outcome.steps.find((s) => s.method === 'getLastError')!.summary).toContain('Queue database offline');
  });

  it('stops on clientVersion E: and continues on W:', async () => {
    const refused = await runSession(scripted({clientVersion: () => 'E:Too old'}), CREDENTIALS);
    expect(refused).toMatchObject({result: 'client-version-rejected', troubleshootingCode: 'QBWC1037'});
    expect(refused.steps.at(-1)!.summary).toContain('Too old');
    const warned = await runSession(scripted({clientVersion: () => 'W:Please update'}), CREDENTIALS);
    expect(warned.result).toBe('connected');
    expect(warned.steps[1]!.status).toBe('warning');
  });

  it('carries on when serverVersion is not implemented (a Fault is only a warning)', async () => {
    const outcome = await runSession(scripted({serverVersion: () => ({fault: 'Unknown method'})}), CREDENTIALS);
    expect(outcome.result).toBe('connected');
    expect(outcome.steps[0]).toMatchObject({status: 'warning', httpStatus: 500});
  });

  it('reports a Fault from authenticate as a service error with QBWC1012', async () => {
    const outcome = await runSession(scripted({authenticate: () => ({fault: 'Database down'})}), CREDENTIALS);
    expect(outcome).toMatchObject({result: 'service-error', troubleshootingCode: 'QBWC1012'});
    expect(outcome.steps.at(-1)!.summary).toContain('Database down');
  });

  it('reports nvu, none and busy, and still closes the connection', async () => {
    for (const [verdict, result] of [
      ['nvu', 'invalid-password'],
      ['none', 'no-work'],
      ['busy', 'busy'],
    ] as const) {
      const seen: string[] = [];
      const outcome = await runSession(
        scripted({authenticate: () => [verdict === 'nvu' ? '' : 'T', verdict]}, seen),
        CREDENTIALS,
      );
      expect(outcome.result).toBe(result);
      expect(seen.at(-1)).toBe('closeConnection');
    }
  });

  it('calls connectionError when QuickBooks cannot open the file, and retries a path the service offers', async () => {
    const simulator = createQuickBooksSimulator({openCompanyFile: 'C:\\Data\\open.qbw'});
    const errors: string[] = [];
    const retried = await runSession(
      scripted({
        authenticate: () => ['T', 'C:\\Data\\missing.qbw'],
        connectionError: (params) => {
          errors.push(params.hresult!);
          return 'C:\\DATA\\Open.qbw';
        },
      }),
      {...CREDENTIALS, simulator},
    );
    expect(errors).toEqual(['0x80040408']);
    expect(retried.result).toBe('connected');

    const done = await runSession(scripted({authenticate: () => ['T', 'C:\\Data\\missing.qbw']}), {...CREDENTIALS, simulator});
    expect(done).toMatchObject({result: 'connection-error', troubleshootingCode: '0x80040408'});
  });

  it('reports a qbXML QuickBooks cannot parse with its HRESULT', async () => {
    const hresults: string[] = [];
    const outcome = await runSession(
      scripted({
        sendRequestXML: () => '<QBXML><QBXMLMsgsRq>',
        receiveResponseXML: (params) => {
          hresults.push(params.hresult!);
          return -101;
        },
        getLastError: () => 'QuickBooks could not parse it',
      }),
      CREDENTIALS,
    );
    expect(hresults).toEqual(['0x80040400']);
    expect(outcome).toMatchObject({result: 'qbxml-error', troubleshootingCode: '0x80040400'});
  });

  it('stops a service that never reaches 100%', async () => {
    const outcome = await runSession(scripted({receiveResponseXML: () => 10}), {...CREDENTIALS, maxRequests: 3});
    expect(outcome.result).toBe('service-error');
    expect(outcome.steps.filter((s) => s.method === 'receiveResponseXML')).toHaveLength(3);
  });
});

describe('runSession transport failures', () => {
  it('turns a thrown fetch into a transport-error step, never a rejection', async () => {
    const outcome = await runSession(async () => {
      throw new TypeError('Failed to fetch');
    }, CREDENTIALS);
    expect(outcome).toMatchObject({result: 'transport-error', troubleshootingCode: 'QBWC1012'});
    expect(outcome.steps).toHaveLength(1);
    expect(outcome.steps[0]).toMatchObject({method: 'serverVersion', status: 'error'});
    expect(outcome.steps[0]!.summary).toContain('Failed to fetch');
    expect(outcome.steps[0]!.summary).toContain('CORS');
  });

  it('explains an HTML page instead of SOAP', async () => {
    const outcome = await runSession(
      async () => ({status: 404, contentType: 'text/html; charset=utf-8', body: '<html><body>Not Found</body></html>'}),
      CREDENTIALS,
    );
    expect(outcome.result).toBe('not-soap');
    expect(outcome.steps[0]).toMatchObject({status: 'error', httpStatus: 404});
    expect(outcome.steps[0]!.summary).toContain("'text/html; charset=utf-8'");
    expect(outcome.steps[0]!.summary).toContain('text/xml');
  });

  it('explains XML that is not well-formed', async () => {
    const outcome = await runSession(
      async () => ({status: 200, contentType: XML, body: '<soap:Envelope><soap:Body>Warning: mysql_connect()'}),
      CREDENTIALS,
    );
    expect(outcome.result).toBe('not-soap');
    expect(outcome.steps[0]!.summary).toContain('not well-formed');
  });

  it('reports a failure in the middle of the session with the code for that call', async () => {
    const inner = scripted({});
    const outcome = await runSession(async (request) => {
      if (request.soapAction.includes('receiveResponseXML')) throw new Error('socket hang up');
      return inner(request);
    }, CREDENTIALS);
    expect(outcome).toMatchObject({result: 'transport-error', troubleshootingCode: 'QBWC1042'});
  });

  it('survives an onStep observer that throws', async () => {
    const outcome = await runSession(scripted({}), CREDENTIALS, () => {
      throw new Error('observer bug');
    });
    expect(outcome.result).toBe('connected');
  });
});
