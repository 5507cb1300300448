import {describe, expect, it} from 'vitest';
import {
  BUSY_POSTPONE_SECONDS,
  createTestService as createServiceOver,
  MISSING_COMPANY_FILE,
  QbwcServiceError,
  type TestScenario,
  type TestService,
  type TestServiceOptions,
} from '../../../src/qbwc/service';
import {createMemorySessionStore, type MemorySessionStoreOptions} from '../../../src/endpoint/store/memory';
import {parseQbxml} from '../../../src/qbwc/qbxml';
import {parseQwc} from '../../../src/qbwc/qwc';

const URLS = {endpointUrl: 'https://connect.example.com/qbwc', supportUrl: 'https://connect.example.com/qbwc/support'};

function clock(start = Date.UTC(2025, 0, 1)) {
  let time = start;
  return {now: () => time, advance: (ms: number) => (time += ms)};
}

/** A service over a fresh in-memory store that shares the service's clock and ticket lifetime. */
function createTestService(options: Partial<TestServiceOptions> = {}, storeOptions: MemorySessionStoreOptions = {}): TestService {
  const store = createMemorySessionStore({
    ...(options.now ? {now: options.now} : {}),
    ...(options.ticketTtlMs ? {sessionIdleTtlMs: options.ticketTtlMs} : {}),
    ...storeOptions,
  });
  return createServiceOver({store, ...options});
}

async function serviceError(run: () => Promise<unknown>): Promise<QbwcServiceError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof QbwcServiceError) return error;
    throw error;
  }
  throw new Error('expected a QbwcServiceError');
}

function issue(service: TestService, scenario: TestScenario = 'healthy') {
  return service.issueConnection({scenario, ...URLS});
}

async function login(service: TestService, scenario: TestScenario = 'healthy') {
  const issued = await issue(service, scenario);
  const result = await service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password});
  return {issued, result, ticket: result[0]!};
}

async function sessionsOf(service: TestService, userName: string) {
  return (await service.activity(userName))?.sessions;
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
  it('issues a user, a password and a .qwc pointing at the endpoint, keeping only a hash', async () => {
    const service = createTestService();
    const issued = await issue(service, 'busy');
    expect(issued.userName).toMatch(/^qbwc-test-[0-9a-f]{10}$/);
    expect(issued.password.length).toBeGreaterThanOrEqual(16);
    expect(issued.scenario).toBe('busy');
    const {model, issues} = parseQwc(issued.qwc);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(model?.userName).toBe(issued.userName);
    expect(model?.appUrl).toBe(URLS.endpointUrl);
    expect(model?.appSupport).toBe(URLS.supportUrl);
    expect(issued.qwcFileName.endsWith('.qwc')).toBe(true);
    const stored = await service.store.getCredential(issued.userName);
    expect(stored?.passwordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(issued.password);
  });

  it('gives every credential its own user name and password', async () => {
    const service = createTestService();
    const a = await issue(service);
    const b = await issue(service);
    expect(a.userName).not.toBe(b.userName);
    expect(a.password).not.toBe(b.password);
  });

  it('refuses unknown scenarios', async () => {
    const service = createTestService();
    const error = await serviceError(() => service.issueConnection({scenario: 'chaos' as TestScenario, ...URLS}));
    expect(error.code).toBe('bad-parameter');
  });

  it('gives a never-used credential a short life, and seven days from its first accepted sign-in', async () => {
    const time = clock();
    const service = createTestService({now: time.now, pendingCredentialTtlMs: 60_000, credentialTtlMs: 600_000});
    const unused = await issue(service);
    const used = await issue(service);
    expect(used.expiresAt).toBe(time.now() + 60_000);
    await service.call('authenticate', {strUserName: used.userName, strPassword: used.password});
    expect((await service.store.getCredential(used.userName))?.expiresAt).toBe(time.now() + 600_000);
    expect(await service.stats()).toMatchObject({credentials: 1, pendingCredentials: 1});
    time.advance(60_001);
    expect(await service.call('authenticate', {strUserName: unused.userName, strPassword: unused.password})).toEqual(['', 'nvu']);
    expect((await service.call('authenticate', {strUserName: used.userName, strPassword: used.password}))[0]).not.toBe('');
    expect(await service.stats()).toMatchObject({credentials: 1, pendingCredentials: 0});
  });

  it('evicts never-used credentials first when flooded, never the ones in use', async () => {
    const service = createTestService({}, {maxPendingCredentials: 5, maxCredentials: 5});
    const inUse = await login(service);
    const flood = [];
    for (let i = 0; i < 50; i++) flood.push(await issue(service));
    expect(await service.stats()).toMatchObject({credentials: 1, pendingCredentials: 5});
    // The credential in use still signs in, and so do the newest issued ones; the oldest were evicted.
    const again = await service.call('authenticate', {strUserName: inUse.issued.userName, strPassword: inUse.issued.password});
    expect(again[0]).not.toBe('');
    const newest = flood.at(-1)!;
    expect((await service.call('authenticate', {strUserName: newest.userName, strPassword: newest.password}))[0]).not.toBe('');
    const oldest = flood[0]!;
    expect(await service.call('authenticate', {strUserName: oldest.userName, strPassword: oldest.password})).toEqual(['', 'nvu']);
  });
});

describe('simple calls', () => {
  it('answers serverVersion with a version string', async () => {
    const service = createTestService({serverVersion: 'Test 9.9'});
    expect(await service.call('serverVersion', {})).toBe('Test 9.9');
  });

  it('accepts current Web Connector versions and warns below 2.1', async () => {
    const service = createTestService();
    expect(await service.call('clientVersion', {strVersion: '2.3.0.215'})).toBe('');
    expect(await service.call('clientVersion', {strVersion: '2.1.0.30'})).toBe('');
    expect(await service.call('clientVersion', {strVersion: ''})).toBe('');
    const warning = await service.call('clientVersion', {strVersion: '2.0.1.5'});
    expect(warning.startsWith('W:')).toBe(true);
    expect(warning).toContain('2.0');
    expect((await service.call('clientVersion', {strVersion: '1.6'})).startsWith('W:')).toBe(true);
  });
});

describe('authenticate', () => {
  it.each([
    ['healthy', ''],
    ['qbxml-error', ''],
    ['no-work', 'none'],
    ['qb-not-running', MISSING_COMPANY_FILE],
  ] as const)('answers the %s scenario with [ticket, %j]', async (scenario, second) => {
    const service = createTestService();
    const {result} = await login(service, scenario);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result[1]).toBe(second);
  });

  it('answers busy with a postpone value', async () => {
    const {result} = await login(createTestService(), 'busy');
    expect(result.slice(1)).toEqual(['busy', BUSY_POSTPONE_SECONDS]);
    expect(result[0]).not.toBe('');
  });

  it('answers nvu for a wrong password, an unknown user, an expired credential and the wrong-password scenario', async () => {
    const time = clock();
    const service = createTestService({now: time.now, credentialTtlMs: 1000});
    const issued = await issue(service);
    expect(await service.call('authenticate', {strUserName: issued.userName, strPassword: 'not-it'})).toEqual(['', 'nvu']);
    expect(await service.call('authenticate', {strUserName: 'nobody', strPassword: issued.password})).toEqual(['', 'nvu']);
    expect(await service.call('authenticate', {strUserName: issued.userName, strPassword: ''})).toEqual(['', 'nvu']);
    const wrong = await issue(service, 'wrong-password');
    expect(await service.call('authenticate', {strUserName: wrong.userName, strPassword: wrong.password})).toEqual(['', 'nvu']);
    time.advance(1001);
    expect(await service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password})).toEqual(['', 'nvu']);
  });

  it('issues a different ticket for every session', async () => {
    const service = createTestService();
    const issued = await issue(service);
    const tickets = new Set<string | undefined>();
    for (let i = 0; i < 50; i++) {
      tickets.add((await service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password}))[0]);
    }
    expect(tickets.size).toBe(50);
  });
});

describe('a healthy session', () => {
  it('sends a CompanyQueryRq with the qbXML headers, reports progress and closes', async () => {
    const service = createTestService({requestsPerSession: 2});
    const {ticket, issued} = await login(service);
    const qbxml = await service.call('sendRequestXML', sendParams(ticket));
    expect(qbxml.startsWith('<?xml version="1.0"?><?qbxml version="13.0"?><QBXML>')).toBe(true);
    const doc = parseQbxml(qbxml);
    expect(doc.kind).toBe('request');
    expect(doc.messages.map((m) => m.name)).toEqual(['CompanyQueryRq']);
    expect(await service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(50);
    await service.call('sendRequestXML', sendParams(ticket, ''));
    expect(await service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(100);
    expect(await service.call('getLastError', {ticket})).toBe('NoOp');
    expect(await service.call('closeConnection', {ticket})).toBe('OK: 2 qbXML requests answered by QuickBooks.');

    const [session] = (await sessionsOf(service, issued.userName))!;
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
  });

  it('ends the ticket at closeConnection', async () => {
    const service = createTestService();
    const {ticket} = await login(service);
    await service.call('closeConnection', {ticket});
    expect((await serviceError(() => service.call('getLastError', {ticket}))).code).toBe('unknown-ticket');
  });
});

describe('error scenarios', () => {
  it('qbxml-error sends malformed qbXML and turns the HRESULT into -101 and a getLastError text', async () => {
    const service = createTestService();
    const {ticket, issued} = await login(service, 'qbxml-error');
    const qbxml = await service.call('sendRequestXML', sendParams(ticket));
    expect(() => parseQbxml(qbxml)).toThrow();
    const result = await service.call('receiveResponseXML', {
      ticket,
      response: '',
      hresult: '0x80040400',
      message: 'QuickBooks found an error when parsing the provided XML text stream.',
    });
    expect(result).toBe(-101);
    expect(await service.call('getLastError', {ticket})).toContain('0x80040400');
    expect(await service.call('closeConnection', {ticket})).toContain('error');
    expect((await sessionsOf(service, issued.userName))![0]!.status).toBe('qbxml-error');
  });

  it('qb-not-running records connectionError and answers done', async () => {
    const service = createTestService();
    const {ticket, issued} = await login(service, 'qb-not-running');
    expect(await service.call('connectionError', {ticket, hresult: '0x80040408', message: 'Could not start QuickBooks.'})).toBe(
      'done',
    );
    expect(await service.call('getLastError', {ticket})).toContain('0x80040408');
    await service.call('closeConnection', {ticket});
    expect((await sessionsOf(service, issued.userName))![0]!.status).toBe('connection-error');
  });

  it('closes no-work and busy sessions with a status text, and refuses further work', async () => {
    const service = createTestService();
    for (const scenario of ['no-work', 'busy'] as const) {
      const {ticket} = await login(service, scenario);
      expect((await serviceError(() => service.call('sendRequestXML', sendParams(ticket)))).code).toBe('out-of-order');
      expect((await service.call('closeConnection', {ticket})).startsWith('OK')).toBe(true);
    }
  });

  it('answers closeConnection after nvu (empty ticket) without a fault', async () => {
    expect(await createTestService().call('closeConnection', {ticket: ''})).toContain('no session');
  });

  it('logs failed logins for a known user without the password', async () => {
    const service = createTestService();
    const issued = await issue(service);
    await service.call('authenticate', {strUserName: issued.userName, strPassword: 'guess-1'});
    const activity = (await service.activity(issued.userName))!;
    expect(activity.sessions).toEqual([]);
    expect(activity.failedLogins).toHaveLength(1);
    expect(activity.failedLogins[0]!.summary).toContain('nvu');
    expect(JSON.stringify(activity)).not.toContain('guess-1');
  });
});

describe('tickets and ordering', () => {
  it('refuses unknown tickets and expired tickets with different, clear errors', async () => {
    const time = clock();
    const service = createTestService({now: time.now, ticketTtlMs: 60_000});
    const unknown = await serviceError(() => service.call('getLastError', {ticket: 'made-up'}));
    expect(unknown.code).toBe('unknown-ticket');
    expect(unknown.message).toContain('authenticate');
    const {ticket} = await login(service);
    time.advance(30_000);
    expect(await service.call('getLastError', {ticket})).toBe('NoOp');
    time.advance(59_999);
    expect(await service.call('getLastError', {ticket})).toBe('NoOp');
    // Good for its whole idle time, ended one moment after.
    time.advance(60_001);
    const expired = await serviceError(() => service.call('sendRequestXML', sendParams(ticket)));
    expect(expired.code).toBe('expired-ticket');
    expect(expired.message).toContain('expired');
    expect((await serviceError(() => service.call('getLastError', {ticket: ''}))).code).toBe('unknown-ticket');
  });

  it('refuses calls out of order', async () => {
    const service = createTestService();
    const {ticket} = await login(service);
    const early = await serviceError(() => service.call('receiveResponseXML', {ticket, response: 'x', hresult: '', message: ''}));
    expect(early.code).toBe('out-of-order');
    expect(early.message).toContain('sendRequestXML');
    await service.call('sendRequestXML', sendParams(ticket));
    expect((await serviceError(() => service.call('sendRequestXML', sendParams(ticket)))).code).toBe('out-of-order');
    expect((await serviceError(() => service.call('connectionError', {ticket, hresult: '0x1', message: ''}))).code).toBe(
      'out-of-order',
    );
    expect(await service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(100);
    expect((await serviceError(() => service.call('sendRequestXML', sendParams(ticket)))).code).toBe('out-of-order');
  });

  it('keeps interleaved sessions of two users apart', async () => {
    const service = createTestService({requestsPerSession: 2});
    const a = await login(service, 'healthy');
    const b = await login(service, 'qbxml-error');
    const qa = await service.call('sendRequestXML', sendParams(a.ticket));
    const qb = await service.call('sendRequestXML', sendParams(b.ticket));
    expect(qa).not.toBe(qb);
    expect(
      await service.call('receiveResponseXML', {ticket: b.ticket, response: '', hresult: '0x80040400', message: 'parse'}),
    ).toBe(-101);
    expect(await service.call('receiveResponseXML', {ticket: a.ticket, response: '<QBXML/>', hresult: '', message: ''})).toBe(50);
    expect(await service.call('getLastError', {ticket: a.ticket})).toBe('NoOp');
    expect(await service.call('getLastError', {ticket: b.ticket})).toContain('0x80040400');
    expect((await sessionsOf(service, a.issued.userName))![0]!.status).toBe('in-progress');
    expect((await sessionsOf(service, b.issued.userName))![0]!.status).toBe('qbxml-error');
  });

  it('answers the interactive methods for a valid ticket', async () => {
    const service = createTestService({interactiveUrl: 'https://connect.example.com/qbwc/support'});
    const {ticket} = await login(service);
    expect(await service.call('getInteractiveURL', {wcTicket: ticket, sessionID: 's'})).toBe(
      'https://connect.example.com/qbwc/support',
    );
    expect(await service.call('interactiveDone', {wcTicket: ticket})).toBe('Done');
    expect(await service.call('interactiveRejected', {wcTicket: ticket, reason: 'no'})).toContain('interactive');
    expect((await serviceError(() => service.call('interactiveDone', {wcTicket: 'nope'}))).code).toBe('unknown-ticket');
  });
});

describe('bounded memory', () => {
  it('keeps at most the configured number of live sessions when flooded', async () => {
    const store = createMemorySessionStore({maxSessions: 100});
    const service = createTestService({store});
    const issued = await issue(service);
    const tickets: string[] = [];
    for (let i = 0; i < 2000; i++) {
      tickets.push((await service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password}))[0]!);
      expect((await service.stats()).sessions).toBeLessThanOrEqual(100);
    }
    // The newest sessions still work; recently evicted ones fail with a clear error.
    expect(await service.call('getLastError', {ticket: tickets[1999]!})).toBe('NoOp');
    expect((await serviceError(() => service.call('getLastError', {ticket: tickets[1800]!}))).code).toBe('expired-ticket');
    expect((await serviceError(() => service.call('getLastError', {ticket: tickets[0]!}))).message).toContain('authenticate');
  });

  it('keeps a bounded log per user', async () => {
    const service = createTestService({requestsPerSession: 10}, {log: {sessionsPerUser: 5, stepsPerSession: 4}});
    const issued = await issue(service);
    for (let i = 0; i < 12; i++) await service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password});
    expect(await sessionsOf(service, issued.userName)).toHaveLength(5);
    const ticket = (await service.call('authenticate', {strUserName: issued.userName, strPassword: issued.password}))[0]!;
    for (let i = 0; i < 6; i++) {
      await service.call('sendRequestXML', sendParams(ticket));
      await service.call('receiveResponseXML', {ticket, response: '<QBXML/>', hresult: '', message: ''});
    }
    const last = (await sessionsOf(service, issued.userName))!.at(-1)!;
    expect(last.steps).toHaveLength(4);
    expect(last.steps[0]!.method).toBe('authenticate');
  });

  it('returns undefined sessions for unknown users', async () => {
    expect(await createTestService().activity('nobody')).toBeUndefined();
  });
});
