import {describe, expect, it} from 'vitest';
import {parseLog, readAuthResult, splitLines} from '../../../src/qbwc/log/parse';
import {logFixtureNames, readLogFixture} from '../../fixtures/logs/fixtures';

const shapes: Record<string, string> = {
  '01-verbose-header-iterator-request-cycle.txt': 'log',
  '02-successful-session-close-unlock.txt': 'log',
  '04-add-qwc-registry-error-QBWC1053-modal-dialog.txt': 'log',
  '06-password-not-set-QBWC1030-enter-password.txt': 'log',
  '07-authenticate-nvu-invalid-user-postponed.txt': 'log',
  '11-QBWC1012-auth-failed-connection-closed-unexpectedly.txt': 'fragment',
  '12-QBWC1042-receiveResponseXML-not-well-formed-dialog.txt': 'dialog',
  '14-sendRequestXML-0x80040400-parse-error-debug.txt': 'log',
  '18-sendRequestXML-failed-object-reference-stacktrace.txt': 'fragment',
  '20-authenticate-NONE-no-data-exchange-required.txt': 'fragment',
  '21-QBWC1051-appurl-not-https-dialog.txt': 'fragment',
  'synthetic-busy-company-file-unknown-code.txt': 'log',
  'synthetic-not-a-log.txt': 'other',
};

describe('parseLog on every fixture', () => {
  it('has an expected shape for every fixture in the folder', () => {
    expect([...logFixtureNames]).toEqual(Object.keys(shapes).sort());
  });

  it.each(Object.entries(shapes))('reads %s as %s', (name, shape) => {
    expect(parseLog(readLogFixture(name)).shape).toBe(shape);
  });
});

describe('the header block', () => {
  it('reads the Web Connector version, the log level and when the log began', () => {
    const {header, versions} = parseLog(readLogFixture('01-verbose-header-iterator-request-cycle.txt'));
    expect(header).toEqual({
      initializedAt: 'Thursday, May 30, 2019 - 12:20 PM UTC',
      webConnectorVersion: '2.2',
      level: 'VERBOSE',
    });
    expect(versions.webConnector).toBe('2.2');
    expect(parseLog(readLogFixture('04-add-qwc-registry-error-QBWC1053-modal-dialog.txt')).header.level).toBe('DEBUG');
  });
});

describe('entries and continuation lines', () => {
  it('keeps an XML dump with the entry that announced it', () => {
    const parsed = parseLog(readLogFixture('01-verbose-header-iterator-request-cycle.txt'));
    const dump = parsed.records.find((r) => r.text === 'XML dump follows: -');
    expect(dump?.time).toBe('2019-05-30 12:20:05 UTC');
    expect(dump?.source).toBe('QBWebConnector.SOAPWebService.do_sendRequestXML()');
    expect(dump?.more.join('\n')).toContain('<CustomerQueryRq  iterator="Continue"');
    expect(parsed.entryCount).toBe(26);
    expect(parsed.firstTime).toBe('2019-05-30 12:20:03 UTC');
  });

  it('keeps a wrapped exception message with its entry', () => {
    const parsed = parseLog(readLogFixture('04-add-qwc-registry-error-QBWC1053-modal-dialog.txt'));
    const reason = parsed.records.find((r) => r.text.startsWith('Reason: Value cannot be null.'));
    expect(reason?.more).toEqual(['Parameter name: name']);
  });

  it('reads entries whose tab was replaced by spaces', () => {
    const parsed = parseLog(readLogFixture('synthetic-busy-company-file-unknown-code.txt'));
    const spaced = parsed.records.find((r) => r.text.startsWith('QBWC1099'));
    expect(spaced?.source).toBe('QBWebConnector.SOAPWebService.updateWS()');
    expect(spaced?.time).toBe('2026-12-01 09:05:06 UTC');
  });

  it('reads the same records from LF, CRLF, lone CR and mixed line endings', () => {
    const text = readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt');
    const lf = parseLog(text).records;
    expect(parseLog(text.replace(/\n/g, '\r\n')).records).toEqual(lf);
    expect(parseLog(text.replace(/\n/g, '\r')).records).toEqual(lf);
    const mixed = text
      .split('\n')
      .map((line, i) => line + ['\n', '\r\n', '\r'][i % 3])
      .join('');
    expect(parseLog(mixed).records).toEqual(lf);
  });

  it('says so when the last line is cut inside its timestamp, and still reads the rest', () => {
    const text = readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt').trimEnd();
    const cut = `${text}\n20250519.13:3`;
    const parsed = parseLog(cut);
    expect(parsed.notes).toEqual([expect.stringContaining('looks cut off')]);
    expect(parsed.runs[0]?.auth).toEqual({kind: 'nvu'});
  });

  it('reads a line of one megabyte without losing the entries after it', () => {
    const long = `20250519.13:33:54 UTC\t: QBWebConnector.SOAPWebService.do_sendRequestXML() : ${'x'.repeat(1024 * 1024)}`;
    const text = `${long}\n${readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt')}`;
    const parsed = parseLog(text);
    expect(parsed.records[0]?.text).toBe('x'.repeat(1024 * 1024));
    expect(parsed.runs.at(-1)?.auth).toEqual({kind: 'nvu'});
  });

  it('splits lines without a trailing empty line', () => {
    expect(splitLines('a\r\nb\nc\rd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual(['']);
  });

  it('reports progress up to the last line', () => {
    const seen: [number, number][] = [];
    parseLog(readLogFixture('01-verbose-header-iterator-request-cycle.txt'), {
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen.at(-1)).toEqual([44, 44]);
  });
});

describe('runs', () => {
  it('follows a scheduled run through serverVersion, clientVersion and authenticate returning nvu', () => {
    const {runs, versions} = parseLog(readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt'));
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.app).toBe('development - pisanchyn-law-firm');
    expect(run.trigger).toBe('scheduled');
    expect(run.time).toBe('2025-05-19 13:33:53 UTC');
    expect(run.userName).toBe('int_conn_qirjaaHPPLrWXG');
    expect(run.auth).toEqual({kind: 'nvu'});
    expect(run.postponedSeconds).toBe(10);
    expect(run.ended).toBe('errors');
    expect(run.events.map((e) => e.kind)).toEqual([
      'serverVersion',
      'clientVersion',
      'authenticate',
      'postponed',
      'ended',
      'problem',
    ]);
    expect(run.events[0]?.detail).toBe('returned "0.0.0"');
    expect(run.events[1]?.detail).toBe('sent version 33.0.10015.91; the service accepted the version');
    expect(versions.clientVersionSent).toBe('33.0.10015.91');
  });

  it('counts the scheduled runs skipped for want of a password and the manual runs after them', () => {
    const {runs} = parseLog(readLogFixture('06-password-not-set-QBWC1030-enter-password.txt'));
    expect(runs.map((r) => [r.trigger, r.noPassword])).toEqual([
      ['scheduled', true],
      ['scheduled', true],
      ['scheduled', true],
      ['scheduled', true],
      ['scheduled', true],
      ['manual', false],
      ['manual', false],
    ]);
    expect(runs.every((r) => r.app === 'development - pisanchyn-law-firm')).toBe(true);
    expect(runs[5]?.ended).toBe('errors');
  });

  it('counts sendRequestXML and receiveResponseXML and keeps the last progress', () => {
    const {runs, versions} = parseLog(readLogFixture('01-verbose-header-iterator-request-cycle.txt'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({app: null, trigger: 'unknown', sendRequests: 1, receiveResponses: 1, lastProgress: 83});
    expect(versions.qbxml).toBe('13.0');
  });

  it('ends a session that closed normally, naming the application from the end of the update', () => {
    const {runs} = parseLog(readLogFixture('02-successful-session-close-unlock.txt'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({app: 'QuickBooks-XML Customer Import to DB', closeResponse: 'Complete!', ended: 'completed'});
  });

  it('sees the adding of a .qwc file as a run of its own, named from the file', () => {
    const {runs} = parseLog(readLogFixture('04-add-qwc-registry-error-QBWC1053-modal-dialog.txt'));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toBe('add');
    expect(runs[0]?.app).toBe('development - pisanchyn-law-firm');
    expect(runs[0]?.events.filter((e) => e.kind === 'problem').map((e) => e.detail)).toEqual([
      'Error creating registry key for appName = <>',
      'Error saving development - pisanchyn-law-firm to Registry: Object reference not set to an instance of an object.',
      expect.stringContaining('QBWC1053'),
    ]);
    expect(runs[0]?.events.at(-1)).toMatchObject({kind: 'connectQuickBooks', detail: 'connected to QuickBooks; session started'});
  });

  it('starts afresh at a new log header, and after an update that ended', () => {
    const log = [
      readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt'),
      readLogFixture('01-verbose-header-iterator-request-cycle.txt'),
      readLogFixture('02-successful-session-close-unlock.txt'),
    ].join('\n');
    const {runs} = parseLog(log);
    expect(runs.map((r) => [r.app, r.auth?.kind ?? null, r.ended])).toEqual([
      ['development - pisanchyn-law-firm', 'nvu', 'errors'],
      ['QuickBooks-XML Customer Import to DB', null, 'completed'],
    ]);
    const call =
      '20190530.12:30:00 UTC\t: QBWebConnector.SOAPWebService.do_sendRequestXML() : *** Calling sendRequestXML() with following parameters:';
    const afterEnd = parseLog(`${readLogFixture('02-successful-session-close-unlock.txt')}\n${call}`).runs;
    expect(afterEnd.map((r) => [r.app, r.sendRequests])).toEqual([
      ['QuickBooks-XML Customer Import to DB', 0],
      [null, 1],
    ]);
  });

  it('reads an authenticate result wrapped over two pasted lines', () => {
    const {runs} = parseLog(readLogFixture('20-authenticate-NONE-no-data-exchange-required.txt'));
    expect(runs[0]?.auth).toEqual({kind: 'none'});
  });

  it('tells apart the runs of two applications, busy, a company file path, progress, getLastError and close', () => {
    const {runs, versions, header} = parseLog(readLogFixture('synthetic-busy-company-file-unknown-code.txt'));
    expect(header.webConnectorVersion).toBe('2.3');
    expect(runs.map((r) => [r.app, r.trigger, r.auth?.kind])).toEqual([
      ['Orders Sync', 'scheduled', 'busy'],
      ['Orders Sync', 'manual', 'ticket'],
      ['Payroll Export', 'manual', 'nvu'],
    ]);
    expect(runs[0]?.postponedSeconds).toBe(60);
    const second = runs[1]!;
    expect(second.auth).toEqual({kind: 'ticket', companyFile: 'C:\\Users\\Jane Doe\\Documents\\Acme Trading LLC.QBW'});
    expect(second).toMatchObject({sendRequests: 2, receiveResponses: 2, lastProgress: -1, closeResponse: 'Stopped with errors'});
    expect(second.events.find((e) => e.kind === 'sendRequestXML')?.count).toBe(2);
    expect(second.events.find((e) => e.kind === 'receiveResponseXML')?.detail).toBe(
      '2 responses handed over; the service returned -1 (an error)',
    );
    expect(second.events.find((e) => e.kind === 'getLastError')?.detail).toContain('Order 1042 has no customer');
    expect(versions).toMatchObject({qbxml: '16.0', clientVersionSent: '2.3.0.215'});
  });
});

describe('error dialogs', () => {
  it('reads Version, Message and Description', () => {
    const {dialogs} = parseLog(readLogFixture('12-QBWC1042-receiveResponseXML-not-well-formed-dialog.txt'));
    expect(dialogs).toEqual([
      {
        line: 2,
        version: 'PHP QuickBooks SOAP Server v3.0 at /quickbooks-xml/customer_import.php',
        message: 'ReceiveResponseXML failed',
        description:
          'QBWC1042: ReceiveResponseXML failed\nError message: Response is not well-formed XML. See QWCLog for more details. Remember to turn logging on.',
      },
    ]);
  });
});

describe('readAuthResult', () => {
  it.each([
    ['', {kind: 'ticket', companyFile: null}],
    ['NVU', {kind: 'nvu'}],
    ['none', {kind: 'none'}],
    ['Busy', {kind: 'busy'}],
    ['\\\\server\\share\\Books.QBW', {kind: 'ticket', companyFile: '\\\\server\\share\\Books.QBW'}],
    ['something else', {kind: 'unknown', value: 'something else'}],
  ])('reads %j', (value, expected) => {
    expect(readAuthResult(value)).toEqual(expected);
  });
});

describe('text that is not a log', () => {
  it('reads empty text as empty, and whitespace too', () => {
    expect(parseLog('').shape).toBe('empty');
    expect(parseLog(' \n\t\r\n').shape).toBe('empty');
  });

  it('reads another program’s log as other, with no runs', () => {
    const parsed = parseLog(readLogFixture('synthetic-not-a-log.txt'));
    expect(parsed.runs).toEqual([]);
    expect(parsed.entryCount).toBe(0);
  });

  it('reads a byte order mark at the start as nothing', () => {
    expect(parseLog(`\uFEFF${readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt')}`).runs[0]?.app).toBe(
      'development - pisanchyn-law-firm',
    );
  });
});
