import {describe, expect, it} from 'vitest';
import {
  BUSY_POSTPONE_SECONDS,
  createMemorySessionStore,
  createTestService,
  MISSING_COMPANY_FILE,
  QbwcServiceError,
  type TestScenario,
  type TestService,
} from '../../../src/qbwc/service';
import {parseQbxml} from '../../../src/qbwc/qbxml';
import {parseQwc} from '../../../src/qbwc/qwc';

const URLS = {endpointUrl: 'https://connect.example.com/qbwc', supportUrl: 'https://connect.example.com/qbwc/support'};

function clock(start = Date.UTC(2025, 0, 1)) {
  let time = start;
  return {now: () => time, advance: (ms: number) => (time += ms)};
}

function serviceError(run: () => unknown): QbwcServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof QbwcServiceError) return error;
    throw error;
  }
  throw new Error('expected a QbwcServiceError');
}

function issue(service: TestService, scenario: TestScenario = 'healthy') {
  return service.issueConnection({scenario, ...URLS});
}

function login(service: TestService, scenario: TestScenario = 'healthy') {
  const issued = issue(service, scenario);
  const result = service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password});
  return {issued, result, ticket: result[0]!};
}

const sendParams = (ticket: string, hcp = '<QBXML/>') => ({
  ticket,
  strHCPResponse: hcp,
  strCompanyFileName: '',
  qbXMLCountry: 'US',
  qbXMLMajorVers: '13',
  qbXMLMinorVers: '0',
});

describe('issueConnection', () => {
  it('issues a user, a password and a .qwc pointing at the endpoint, keeping only a hash', () => {
    const service = createTestService();
    const issued = issue(service, 'busy');
    expect(issued.userName).toMatch(/^qbwc-test-[0-9a-f]{10}$/);
    expect(issued.password.length).toBeGreaterThanOrEqual(16);
    expect(issued.scenario).toBe('busy');
    const {model, issues} = parseQwc(issued.qwc);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(model?.userName).toBe(issued.userName);
    expect(model?.appUrl).toBe(URLS.endpointUrl);
    expect(model?.appSupport).toBe(URLS.supportUrl);
    expect(issued.qwcFileName.endsWith('.qwc')).toBe(true);
    const stored = service.store.getCredential(issued.userName, Date.now());
    expect(stored?.passwordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(issued.password);
  });

  it('gives every credential its own user name and password', () => {
    const service = createTestService();
    const a = issue(service);
    const b = issue(service);
    expect(a.userName).not.toBe(b.userName);
    expect(a.password).not.toBe(b.password);
  });

  it('refuses unknown scenarios', () => {
    const service = createTestService();
    const error = serviceError(() => service.issueConnection({scenario: 'chaos' as TestScenario, ...URLS}));
    expect(error.code).toBe('bad-parameter');
  });

  it('rate-limits issuing and says when to retry', () => {
    const time = clock();
    const service = createTestService({now: time.now, issueRatePerMinute: 3});
    issue(service);
    issue(service);
    issue(service);
    const error = serviceError(() => issue(service));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(20);
    time.advance(20_000);
    expect(issue(service).userName).toBeTruthy();
  });

  it('stops issuing when the store is full, and frees room as credentials expire', () => {
    const time = clock();
    const store = createMemorySessionStore({maxCredentials: 3});
    const service = createTestService({store, now: time.now, credentialTtlMs: 60_000, issueRatePerMinute: 1000});
    for (let i = 0; i < 3; i++) issue(service);
    const error = serviceError(() => issue(service));
    expect(error.code).toBe('store-full');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    time.advance(60_001);
    expect(issue(service).userName).toBeTruthy();
    expect(service.stats().credentials).toBe(1);
  });
});

describe('simple calls', () => {
  it('answers serverVersion with a version string', () => {
    const service = createTestService({serverVersion: 'Test 9.9'});
    expect(service.call('serverVersion', {})).toBe('Test 9.9');
  });

  it('accepts current Web Connector versions and warns below 2.1', () => {
    const service = createTestService();
    expect(service.call('clientVersion', {strVersion: '2.3.0.215'})).toBe('');
    expect(service.call('clientVersion', {strVersion: '2.1.0.30'})).toBe('');
    expect(service.call('clientVersion', {strVersion: ''})).toBe('');
    const warning = service.call('clientVersion', {strVersion: '2.0.1.5'});
    expect(warning.startsWith('W:')).toBe(true);
    expect(warning).toContain('2.0');
    expect(service.call('clientVersion', {strVersion: '1.6'}).startsWith('W:')).toBe(true);
  });
});

describe('authenticate', () => {
  it.each([
    ['healthy', ''],
    ['qbxml-error', ''],
    ['no-work', 'none'],
    ['qb-not-running', MISSING_COMPANY_FILE],
  ] as const)('answers the %s scenario with [ticket, %j]', (scenario, second) => {
    const service = createTestService();
    const {result} = login(service, scenario);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result[1]).toBe(second);
  });

  it('answers busy with a postpone value', () => {
    const {result} = login(createTestService(), 'busy');
    expect(result.slice(1)).toEqual(['busy', BUSY_POSTPONE_SECONDS]);
    expect(result[0]).not.toBe('');
  });

  it('answers nvu for a wrong password, an unknown user, an expired credential and the wrong-password scenario', () => {
    const time = clock();
    const service = createTestService({now: time.now, credentialTtlMs: 1000});
    const issued = issue(service);
    expect(service.call('authenticate', {strUserName: issued.userName, strPassword: 'not-it'})).toEqual(['', 'nvu']);
    expect(service.call('authenticate', {strUserName: 'nobody', strPassword: issued.password})).toEqual(['', 'nvu']);
    expect(service.call('authenticate', {strUserName: issued.userName, strPassword: ''})).toEqual(['', 'nvu']);
    const wrong = issue(service, 'wrong-password');
    expect(service.call('authenticate', {strUserName: wrong.userName, strPassword: wrong.password})).toEqual(['', 'nvu']);
    time.advance(1001);
    expect(service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password})).toEqual(['', 'nvu']);
  });

  it('issues a different ticket for every session', () => {
    const service = createTestService();
    const issued = issue(service);
    const tickets = new Set(
      Array.from(
        {length: 50},
        () => service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password})[0],
      ),
    );
    expect(tickets.size).toBe(50);
  });
});

describe('a healthy session', () => {
  it('sends a CompanyQueryRq with the qbXML headers, reports progress and closes', () => {
    const service = createTestService({requestsPerSession: 2});
    const {ticket, issued} = login(service);
    const qbxml = service.call('sendRequestXML', sendParams(ticket));
    expect(qbxml.startsWith('<?xml version="1.0"?><?qbxml version="13.0"?><QBXML>')).toBe(true);
    const doc = parseQbxml(qbxml);
    expect(doc.kind).toBe('request');
    expect(doc.messages.map((m) => m.name)).toEqual(['CompanyQueryRq']);
    expect(service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(50);
    service.call('sendRequestXML', sendParams(ticket, ''));
    expect(service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(100);
    expect(service.call('getLastError', {ticket})).toBe('NoOp');
    expect(service.call('closeConnection', {ticket})).toBe('OK: 2 qbXML requests answered by QuickBooks.');

    const [session] = service.recentSessions(issued.userName)!;
    expect(session!.status).toBe('connected');
    expect(session!.lastMethod).toBe('closeConnection');
    expect(session!.steps.map((step) => step.method)).toEqual([
      'authenticate',
      'sendRequestXML',
      'receiveResponseXML',
      'sendRequestXML',
      'receiveResponseXML',
      'getLastError',
      'closeConnection',
    ]);
    expect(JSON.stringify(session)).not.toContain(ticket);
    expect(JSON.stringify(session)).not.toContain(issued.password);
    expect(service.lastSession()?.status).toBe('connected');
  });

  it('ends the ticket at closeConnection', () => {
    const service = createTestService();
    const {ticket} = login(service);
    service.call('closeConnection', {ticket});
    expect(serviceError(() => service.call('getLastError', {ticket})).code).toBe('unknown-ticket');
  });
});

describe('error scenarios', () => {
  it('qbxml-error sends malformed qbXML and turns the HRESULT into -101 and a getLastError text', () => {
    const service = createTestService();
    const {ticket, issued} = login(service, 'qbxml-error');
    const qbxml = service.call('sendRequestXML', sendParams(ticket));
    expect(() => parseQbxml(qbxml)).toThrow();
    const result = service.call('receiveResponseXML', {
      ticket,
      response: '',
      hresult: '0x80040400',
      message: 'QuickBooks found an error when parsing the provided XML text stream.',
    });
    expect(result).toBe(-101);
    expect(service.call('getLastError', {ticket})).toContain('0x80040400');
    expect(service.call('closeConnection', {ticket})).toContain('error');
    expect(service.recentSessions(issued.userName)![0]!.status).toBe('qbxml-error');
  });

  it('qb-not-running records connectionError and answers done', () => {
    const service = createTestService();
    const {ticket, issued} = login(service, 'qb-not-running');
    expect(service.call('connectionError', {ticket, hresult: '0x80040408', message: 'Could not start QuickBooks.'})).toBe('done');
    expect(service.call('getLastError', {ticket})).toContain('0x80040408');
    service.call('closeConnection', {ticket});
    expect(service.recentSessions(issued.userName)![0]!.status).toBe('connection-error');
  });

  it('closes no-work and busy sessions with a status text, and refuses further work', () => {
    const service = createTestService();
    for (const scenario of ['no-work', 'busy'] as const) {
      const {ticket} = login(service, scenario);
      expect(serviceError(() => service.call('sendRequestXML', sendParams(ticket))).code).toBe('out-of-order');
      expect(service.call('closeConnection', {ticket}).startsWith('OK')).toBe(true);
    }
  });

  it('answers closeConnection after nvu (empty ticket) without a fault', () => {
    expect(createTestService().call('closeConnection', {ticket: ''})).toContain('no session');
  });

  it('logs failed logins for a known user without the password', () => {
    const service = createTestService();
    const issued = issue(service);
    service.call('authenticate', {strUserName: issued.userName, strPassword: 'guess-1'});
    const [entry] = service.recentSessions(issued.userName)!;
    expect(entry!.status).toBe('invalid-password');
    expect(JSON.stringify(entry)).not.toContain('guess-1');
  });
});

describe('tickets and ordering', () => {
  it('refuses unknown tickets and expired tickets with different, clear errors', () => {
    const time = clock();
    const service = createTestService({now: time.now, ticketTtlMs: 60_000});
    const unknown = serviceError(() => service.call('getLastError', {ticket: 'made-up'}));
    expect(unknown.code).toBe('unknown-ticket');
    expect(unknown.message).toContain('authenticate');
    const {ticket} = login(service);
    time.advance(30_000);
    expect(service.call('getLastError', {ticket})).toBe('NoOp');
    time.advance(59_999);
    expect(service.call('getLastError', {ticket})).toBe('NoOp');
    time.advance(60_000);
    const expired = serviceError(() => service.call('sendRequestXML', sendParams(ticket)));
    expect(expired.code).toBe('expired-ticket');
    expect(expired.message).toContain('expired');
    expect(serviceError(() => service.call('getLastError', {ticket: ''})).code).toBe('unknown-ticket');
  });

  it('refuses calls out of order', () => {
    const service = createTestService();
    const {ticket} = login(service);
    const early = serviceError(() => service.call('receiveResponseXML', {ticket, response: 'x', hresult: '', message: ''}));
    expect(early.code).toBe('out-of-order');
    expect(early.message).toContain('sendRequestXML');
    service.call('sendRequestXML', sendParams(ticket));
    expect(serviceError(() => service.call('sendRequestXML', sendParams(ticket))).code).toBe('out-of-order');
    expect(serviceError(() => service.call('connectionError', {ticket, hresult: '0x1', message: ''})).code).toBe('out-of-order');
    expect(service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(100);
    expect(serviceError(() => service.call('sendRequestXML', sendParams(ticket))).code).toBe('out-of-order');
  });

  it('keeps interleaved sessions of two users apart', () => {
    const service = createTestService({requestsPerSession: 2});
    const a = login(service, 'healthy');
    const b = login(service, 'qbxml-error');
    const qa = service.call('sendRequestXML', sendParams(a.ticket));
    const qb = service.call('sendRequestXML', sendParams(b.ticket));
    expect(qa).not.toBe(qb);
    expect(service.call('receiveResponseXML', {ticket: b.ticket, response: '', hresult: '0x80040400', message: 'parse'})).toBe(
      -101,
    );
    expect(service.call('receiveResponseXML', {ticket: a.ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(50);
    expect(service.call('getLastError', {ticket: a.ticket})).toBe('NoOp');
    expect(service.call('getLastError', {ticket: b.ticket})).toContain('0x80040400');
    expect(service.recentSessions(a.issued.userName)![0]!.status).toBe('in-progress');
    expect(service.recentSessions(b.issued.userName)![0]!.status).toBe('qbxml-error');
  });

  it('answers the interactive methods for a valid ticket', () => {
    const service = createTestService({interactiveUrl: 'https://connect.example.com/qbwc/support'});
    const {ticket} = login(service);
    expect(service.call('getInteractiveURL', {wcTicket: ticket, sessionID: 's'})).toBe(
      'https://connect.example.com/qbwc/support',
    );
    expect(service.call('interactiveDone', {wcTicket: ticket})).toBe('Done');
    expect(service.call('interactiveRejected', {wcTicket: ticket, reason: 'no'})).toContain('interactive');
    expect(serviceError(() => service.call('interactiveDone', {wcTicket: 'nope'})).code).toBe('unknown-ticket');
  });
});

describe('bounded memory', () => {
  it('keeps at most the configured number of live sessions when flooded', () => {
    const store = createMemorySessionStore({maxSessions: 100});
    const service = createTestService({store});
    const issued = issue(service);
    const tickets: string[] = [];
    for (let i = 0; i < 2000; i++) {
      tickets.push(service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password})[0]!);
      expect(service.stats().sessions).toBeLessThanOrEqual(100);
    }
    // The newest sessions still work; recently evicted ones fail with a clear error.
    expect(service.call('getLastError', {ticket: tickets[1999]!})).toBe('NoOp');
    expect(serviceError(() => service.call('getLastError', {ticket: tickets[1800]!})).code).toBe('expired-ticket');
    expect(serviceError(() => service.call('getLastError', {ticket: tickets[0]!})).message).toContain('authenticate');
  });

  it('keeps a bounded log per user', () => {
    const service = createTestService({logSessionsPerUser: 5, logStepsPerSession: 4, requestsPerSession: 10});
    const issued = issue(service);
    for (let i = 0; i < 12; i++) service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password});
    expect(service.recentSessions(issued.userName)).toHaveLength(5);
    const ticket = service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password})[0]!;
    for (let i = 0; i < 6; i++) {
      service.call('sendRequestXML', sendParams(ticket));
      service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''});
    }
    const last = service.recentSessions(issued.userName)!.at(-1)!;
    expect(last.steps).toHaveLength(4);
    expect(last.steps[0]!.method).toBe('authenticate');
  });

  it('returns undefined sessions for unknown users', () => {
    expect(createTestService().recentSessions('nobody')).toBeUndefined();
  });
});
