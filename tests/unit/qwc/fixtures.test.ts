import {readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseQwc, type QwcField, type QwcIssue, type QwcParseResult} from '../../../src/qbwc/qwc';

const fixtureDir = new URL('../../fixtures/qwc/', import.meta.url);

function parseFixture(name: string): QwcParseResult {
  return parseQwc(readFileSync(new URL(name, fixtureDir), 'utf8'));
}

function only(result: QwcParseResult, field: QwcField): QwcIssue[] {
  return result.issues.filter((entry) => entry.field === field);
}

function errors(result: QwcParseResult): QwcIssue[] {
  return result.issues.filter((entry) => entry.severity === 'error');
}

describe('.qwc fixtures', () => {
  it('has a README line for every fixture and a fixture for every README line', () => {
    const files = readdirSync(fixtureDir)
      .filter((name) => name.endsWith('.qwc'))
      .sort();
    const readme = readFileSync(new URL('README.md', fixtureDir), 'utf8');
    const listed = [...readme.matchAll(/^\| ([\w.-]+\.qwc) \|/gm)].map((match) => match[1]).sort();
    expect(listed).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it('valid-minimal.qwc has no issues', () => {
    const result = parseFixture('valid-minimal.qwc');
    expect(result.issues).toEqual([]);
    expect(result.model).toMatchObject({appName: 'Ledger Sync', appId: '', qbType: 'QBFS', userName: 'ledger-sync'});
    expect(result.model?.scheduler).toBeUndefined();
  });

  it('valid-full.qwc has no issues and reads every optional element', () => {
    const result = parseFixture('valid-full.qwc');
    expect(result.issues).toEqual([]);
    expect(result.model).toMatchObject({
      appId: 'LedgerSync',
      style: 'Document',
      authFlags: '0xF',
      scheduler: {unit: 'minutes', every: 30},
      isReadOnly: false,
      personalDataPref: 'pdpOptional',
      unattendedModePref: 'umpOptional',
      notify: true,
      appDisplayName: 'Ledger Sync & Reports',
      appUniqueName: 'ledger-sync-production',
      certUrl: 'https://certs.example.com/ledger-sync',
    });
  });

  it('http-remote-host.qwc: http AppURL off localhost is QBWC1010 and names QBWC1051', () => {
    const result = parseFixture('http-remote-host.qwc');
    const [issue] = only(result, 'appUrl');
    expect(issue).toMatchObject({severity: 'error', code: 'QBWC1010', anchor: 'qbwc1010'});
    expect(issue?.message).toContain('QBWC1051');
    expect(issue?.message).toContain('http://sync.example.com/qbwc');
    expect(errors(result)).toHaveLength(1);
  });

  it('appsupport-other-domain.qwc: AppSupport on another domain is QBWC1000', () => {
    const result = parseFixture('appsupport-other-domain.qwc');
    expect(errors(result)).toEqual([expect.objectContaining({field: 'appSupport', code: 'QBWC1000', anchor: 'qbwc1000'})]);
    expect(errors(result)[0]?.message).toContain('help.example.net');
  });

  it('ip-address-host.qwc: IP hosts are QBWC1001 (AppURL) and QBWC1002 (AppSupport)', () => {
    const result = parseFixture('ip-address-host.qwc');
    expect(errors(result).map((entry) => [entry.field, entry.code])).toEqual([
      ['appUrl', 'QBWC1001'],
      ['appSupport', 'QBWC1002'],
    ]);
    expect(errors(result)[0]?.message).toContain('203.0.113.10');
  });

  it('guid-without-braces.qwc: offers the braced GUID as a fix', () => {
    const result = parseFixture('guid-without-braces.qwc');
    const [issue] = errors(result);
    expect(issue?.field).toBe('ownerId');
    const raw = result.model?.ownerId ?? '';
    expect(issue?.fix).toEqual({ownerId: `{${raw}}`});
    expect(errors(result)).toHaveLength(1);
  });

  it('ownerid-equals-fileid.qwc: a warning with the QBWC1039 risk and a new FileID', () => {
    const result = parseFixture('ownerid-equals-fileid.qwc');
    expect(errors(result)).toEqual([]);
    const [issue] = only(result, 'fileId');
    expect(issue).toMatchObject({severity: 'warning', code: 'QBWC1039', anchor: 'qbwc1039'});
    expect(issue?.message).toContain('Unique OwnerID/FileID pair');
    expect(issue?.fix?.fileId).toMatch(/^\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$/);
    expect(issue?.fix?.fileId).not.toBe(result.model?.ownerId);
  });

  it('element-wrong-case.qwc: names the right spelling and still reads the value', () => {
    const result = parseFixture('element-wrong-case.qwc');
    expect(errors(result)).toHaveLength(1);
    const [issue] = errors(result);
    expect(issue?.field).toBe('appName');
    expect(issue?.message).toContain('<appname>');
    expect(issue?.message).toContain('<AppName>');
    expect(result.model?.appName).toBe('Ledger Sync');
  });

  it('personaldataprep-typo.qwc: suggests PersonalDataPref', () => {
    const result = parseFixture('personaldataprep-typo.qwc');
    expect(errors(result)).toEqual([]);
    const [issue] = result.issues;
    expect(issue).toMatchObject({field: 'personalDataPref', severity: 'warning'});
    expect(issue?.message).toMatch(/PersonalDataPrep.*did you mean PersonalDataPref\?/i);
    expect(result.model?.personalDataPref).toBeUndefined();
  });

  it('runeverynminute-typo.qwc: suggests RunEveryNMinutes and sets no interval', () => {
    const result = parseFixture('runeverynminute-typo.qwc');
    const messages = only(result, 'scheduler').map((entry) => entry.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/RunEveryNMinute\b.*Did you mean RunEveryNMinutes\?/);
    expect(messages[1]).toMatch(/sets no interval/);
    expect(result.model?.scheduler).toBeUndefined();
  });

  it('scheduler-both-children.qwc: the first child wins, with a warning', () => {
    const result = parseFixture('scheduler-both-children.qwc');
    expect(errors(result)).toEqual([]);
    expect(only(result, 'scheduler')[0]?.message).toMatch(/both RunEveryNSeconds and RunEveryNMinutes.*first one/);
    expect(result.model?.scheduler).toEqual({unit: 'seconds', every: 90});
  });

  it('scheduler-non-integer.qwc: the interval must be a whole number', () => {
    const result = parseFixture('scheduler-non-integer.qwc');
    expect(errors(result)).toEqual([expect.objectContaining({field: 'scheduler', severity: 'error'})]);
    expect(errors(result)[0]?.message).toMatch(/2\.5.*whole number/);
  });

  it('qbtype-lowercase.qwc: QBType must be QBFS exactly, with a fix', () => {
    const result = parseFixture('qbtype-lowercase.qwc');
    expect(errors(result)).toEqual([expect.objectContaining({field: 'qbType', fix: {qbType: 'QBFS'}})]);
  });

  it('isreadonly-yes.qwc: booleans must be literally true or false', () => {
    const result = parseFixture('isreadonly-yes.qwc');
    expect(errors(result)).toEqual([expect.objectContaining({field: 'isReadOnly'})]);
    expect(errors(result)[0]?.message).toMatch(/yes.*literally true or false/);
    expect(errors(result)[0]?.fix).toBeUndefined();
    expect(result.model?.isReadOnly).toBeUndefined();
  });

  it('missing-username.qwc: a required element is QBWC1039', () => {
    const result = parseFixture('missing-username.qwc');
    expect(errors(result)).toEqual([expect.objectContaining({field: 'userName', code: 'QBWC1039', anchor: 'qbwc1039'})]);
  });

  it('unescaped-ampersand.qwc: not well-formed, with line and column, and a partial model', () => {
    const result = parseFixture('unescaped-ampersand.qwc');
    const [issue] = only(result, 'document');
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toMatch(/line 3, column \d+/);
    expect(issue?.message).toContain('&amp;');
    expect(result.model?.appName).toBe('Smith & Sons Sync');
  });

  it.each([
    ['empty.qwc', /empty/],
    ['not-xml.qwc', /not an XML file.*AppName=Ledger Sync/],
    ['wrong-root.qwc', /root element is <WebConnector>.*<QBWCXML>/],
    ['html-error-page.qwc', /web page, not a \.qwc file/],
  ])('%s: no model and one plain document error', (name, message) => {
    const result = parseFixture(name);
    expect(result.model).toBeNull();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({field: 'document', severity: 'error'});
    expect(result.issues[0]?.message).toMatch(message);
  });
});
