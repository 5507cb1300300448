import {describe, expect, it} from 'vitest';
import {redactLog} from '../../../src/qbwc/log/redact';
import {logFixtureNames, readLogFixture} from '../../fixtures/logs/fixtures';

const USER = 'int_conn_qirjaaHPPLrWXG';
const TICKET = 'd73e6639-d3ea-e184-a128-d4dfe17ea3be';
const SAMPLE_PATH =
  'C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Sample Company Files\\QuickBooks Enterprise Solutions 18.0\\sample_wholesale-distribution business.QBW';

describe('redactLog on the real logs', () => {
  it('leaves no ticket, user name or company file path in any fixture', () => {
    for (const name of logFixtureNames) {
      const {text} = redactLog(readLogFixture(name));
      expect(text, name).not.toMatch(/wcTicket="(?!\[ticket-\d+\])[^"]+"/);
      expect(text, name).not.toMatch(/authRet\[0\]="(?!\[ticket-\d+\]|")/);
      expect(text, name).not.toMatch(/username = '(?!\[user-\d+\]')/i);
      expect(text, name).not.toMatch(/userName="(?!\[user-\d+\]")/i);
      expect(text, name).not.toMatch(/\.qbw\b/i);
    }
  });

  it('masks the same ticket with the same mask everywhere', () => {
    const log = `${readLogFixture('01-verbose-header-iterator-request-cycle.txt')}\n${readLogFixture('02-successful-session-close-unlock.txt')}`;
    const {text, masks} = redactLog(log);
    expect(text).not.toContain(TICKET);
    expect(text).not.toContain(SAMPLE_PATH);
    expect(text.match(/\[ticket-1\]/g)).toHaveLength(3);
    expect(masks).toEqual(
      expect.arrayContaining([
        {kind: 'ticket', mask: '[ticket-1]', value: TICKET, count: 3},
        {kind: 'company-file', mask: '[company-file-1]', value: SAMPLE_PATH, count: 1},
        {kind: 'computer', mask: '[computer-1]', value: 'MOUMITA', count: 3},
      ]),
    );
  });

  it('masks a user name wherever it appears, including the .qwc dump and the authenticate call', () => {
    const log = `${readLogFixture('04-add-qwc-registry-error-QBWC1053-modal-dialog.txt')}\n${readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt')}`;
    const {text, masks} = redactLog(log);
    expect(text).not.toContain(USER);
    expect(text).toContain('<UserName>[user-1]</UserName>');
    expect(text).toContain("username = '[user-1]'");
    expect(text).toContain('<userName="[user-1]">');
    expect(masks.find((m) => m.value === USER)).toMatchObject({kind: 'user', mask: '[user-1]', count: 3});
  });

  it('masks paths with spaces, e-mail addresses, and hosts only when asked', () => {
    const log = readLogFixture('synthetic-busy-company-file-unknown-code.txt');
    const plain = redactLog(log);
    expect(plain.text).not.toContain('Jane Doe');
    expect(plain.text).not.toContain('help@acme.example');
    expect(plain.text).toContain('https://sync.example.com/qbwc');
    expect(plain.text).toContain('<authRet[1]="[company-file-1]">');
    expect(plain.text).toContain('cfn="[company-file-1]"');
    expect(plain.masks.map((m) => m.mask)).toEqual([
      '[ticket-1]',
      '[ticket-2]',
      '[user-1]',
      '[user-2]',
      '[company-file-1]',
      '[email-1]',
    ]);

    const withHosts = redactLog(log, {maskHosts: true});
    expect(withHosts.text).toContain('https://[host-1]/qbwc');
    expect(withHosts.text).not.toContain('sync.example.com');
  });

  it('does not mask inside longer words or empty values', () => {
    const line = '20261201.09:10:00 UTC\t: X.do_authenticate() : username = \'ann\' then annual report, wcTicket=""';
    const {text} = redactLog(line);
    expect(text).toContain("username = '[user-1]'");
    expect(text).toContain('annual report');
    expect(text).toContain('wcTicket=""');
  });

  it('leaves out XML dumps on request and counts the lines', () => {
    const log = readLogFixture('01-verbose-header-iterator-request-cycle.txt');
    const {text, droppedXmlLines} = redactLog(log, {dropXml: true});
    expect(text).not.toContain('<CustomerQueryRq');
    expect(droppedXmlLines).toBe(11);
    expect(text).toContain('[XML left out: 11 lines]');
    expect(text).toContain('Request xml received.');
  });

  it('returns text without private values unchanged', () => {
    const text = readLogFixture('21-QBWC1051-appurl-not-https-dialog.txt');
    expect(redactLog(text)).toEqual({text, masks: [], droppedXmlLines: 0});
  });
});
