import {describe, expect, it} from 'vitest';
import {validateQwc, type QwcIssue, type QwcModel} from '../../../src/qbwc/qwc';
import {compareHosts, registrableDomain} from '../../../src/qbwc/url-rules';

const base: QwcModel = {
  appName: 'Ledger Sync',
  appId: '',
  appUrl: 'https://sync.example.com/qbwc',
  appDescription: 'Sends invoices from Ledger Sync to QuickBooks',
  appSupport: 'https://sync.example.com/support',
  userName: 'ledger-sync',
  ownerId: '{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}',
  fileId: '{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}',
  qbType: 'QBFS',
};

function check(change: Partial<QwcModel>): QwcIssue[] {
  return validateQwc({...base, ...change});
}

function codes(issues: QwcIssue[]): string[] {
  return issues.map((entry) => `${entry.severity}:${entry.field}:${entry.code ?? ''}`);
}

describe('validateQwc', () => {
  it('accepts a correct model without any issue', () => {
    expect(validateQwc(base)).toEqual([]);
  });

  it.each(['appName', 'appUrl', 'appSupport', 'userName', 'ownerId', 'fileId', 'qbType'] as const)(
    'requires %s (QBWC1039)',
    (field) => {
      const issues = check({[field]: '  '});
      const required = issues.filter((entry) => entry.field === field && entry.severity === 'error');
      expect(required).toEqual([expect.objectContaining({code: 'QBWC1039', anchor: 'qbwc1039'})]);
      expect(required[0]?.message).toMatch(/^\w+ is missing: <\w+> is empty\./);
    },
  );

  it('lets AppID be empty but warns about an empty AppDescription', () => {
    expect(check({appId: ''})).toEqual([]);
    expect(codes(check({appDescription: ''}))).toEqual(['warning:appDescription:']);
  });

  it('warns when AppDescription is longer than 80 characters, counting characters not bytes', () => {
    expect(check({appDescription: 'é'.repeat(80)})).toEqual([]);
    const [issue] = check({appDescription: 'x'.repeat(81)});
    expect(issue).toMatchObject({field: 'appDescription', severity: 'warning'});
    expect(issue?.message).toContain('81');
  });

  describe('AppURL', () => {
    it('must be an absolute http(s) URL', () => {
      for (const appUrl of ['sync.example.com/qbwc', 'https://', 'ftp://sync.example.com/qbwc', 'not a url']) {
        const issues = check({appUrl}).filter((entry) => entry.field === 'appUrl');
        expect(issues, appUrl).toEqual([expect.objectContaining({severity: 'error'})]);
        expect(issues[0]?.message).toContain(appUrl.trim());
      }
    });

    it('needs https except on localhost (QBWC1010, mentions QBWC1051)', () => {
      const [issue] = check({appUrl: 'http://sync.example.com/qbwc', appSupport: 'http://sync.example.com/support'});
      expect(issue).toMatchObject({field: 'appUrl', severity: 'error', code: 'QBWC1010', anchor: 'qbwc1010'});
      expect(issue?.message).toContain('QBWC1051');
      const local = check({appUrl: 'http://localhost:8000/qbwc', appSupport: 'http://localhost:8000/support'});
      expect(codes(local)).toEqual(['warning:appUrl:QBWC1035']);
    });

    it('keeps localhost a warning that names the QBWC1035 risk', () => {
      const [issue] = check({appUrl: 'https://localhost/qbwc', appSupport: 'https://localhost/support'});
      expect(issue).toMatchObject({severity: 'warning', code: 'QBWC1035', anchor: 'qbwc1035'});
      expect(issue?.message).toMatch(/only works on the PC/);
    });

    it('rejects IP literals, however they are spelt (QBWC1001)', () => {
      for (const appUrl of [
        'https://203.0.113.10/qbwc',
        'https://[2001:db8::1]/qbwc',
        'https://0xCB.0.113.10/qbwc',
        'http://127.0.0.1/qbwc',
      ]) {
        const issues = check({appUrl}).filter((entry) => entry.field === 'appUrl' && entry.severity === 'error');
        expect(issues, appUrl).toEqual([expect.objectContaining({code: 'QBWC1001', anchor: 'qbwc1001'})]);
      }
      expect(check({appUrl: 'http://127.0.0.1/qbwc'})[0]?.message).toMatch(/write localhost instead/);
    });

    it('warns about a LAN machine name and about a ?wsdl address', () => {
      const machine = check({appUrl: 'https://buildserver/qbwc', appSupport: 'https://buildserver/support'});
      expect(codes(machine)).toEqual(['warning:appUrl:']);
      expect(machine[0]?.message).toContain('buildserver');
      const [wsdl] = check({appUrl: 'https://sync.example.com/qbwc?wsdl'});
      expect(wsdl).toMatchObject({
        field: 'appUrl',
        severity: 'warning',
        anchor: 'msg-404',
        fix: {appUrl: 'https://sync.example.com/qbwc'},
      });
    });
  });

  describe('AppSupport', () => {
    it('rejects an IP literal (QBWC1002)', () => {
      const issues = check({appSupport: 'https://198.51.100.7/support'});
      expect(codes(issues)).toEqual(['error:appSupport:QBWC1002']);
    });

    it('must be on the AppURL domain (QBWC1000)', () => {
      expect(codes(check({appSupport: 'https://example.org/support'}))).toEqual(['error:appSupport:QBWC1000']);
      expect(codes(check({appSupport: 'https://www.example.com/support'}))).toEqual(['warning:appSupport:QBWC1000']);
      expect(check({appSupport: 'https://SYNC.example.com./help'})).toEqual([]);
    });

    it('needs an exact host match for localhost and machine names', () => {
      const local = check({appUrl: 'http://localhost/qbwc', appSupport: 'http://localhost.example.com/support'});
      expect(codes(local)).toContain('error:appSupport:QBWC1000');
      expect(local.find((entry) => entry.code === 'QBWC1000')?.message).toMatch(/exactly the same/);
      const machine = check({appUrl: 'https://buildserver/qbwc', appSupport: 'https://buildserver2/support'});
      expect(codes(machine)).toContain('error:appSupport:QBWC1000');
    });

    it('warns when AppSupport is http while AppURL is https', () => {
      const issues = check({appSupport: 'http://sync.example.com/support'});
      expect(codes(issues)).toEqual(['warning:appSupport:']);
      expect(issues[0]?.message).toMatch(/http while AppURL uses https/);
    });

    it('warns when AppSupport points at an Intuit site', () => {
      const issues = check({appUrl: 'https://qbwc.intuit.com/svc', appSupport: 'https://developer.intuit.com/help'});
      expect(issues).toContainEqual(
        expect.objectContaining({field: 'appSupport', severity: 'warning', message: expect.stringMatching(/Intuit site/)}),
      );
    });
  });

  describe('host comparison', () => {
    it('uses the registrable domain, including common two-part suffixes', () => {
      expect(registrableDomain('secure.shop.example.co.uk')).toBe('example.co.uk');
      expect(registrableDomain('a.b.example.com')).toBe('example.com');
      expect(compareHosts('sync.example.com.au', 'help.example.com.au')).toBe('same-domain');
      expect(compareHosts('sync.alpha.co.uk', 'sync.beta.co.uk')).toBe('different');
      expect(compareHosts('localhost', 'localhost')).toBe('same-host');
    });
  });

  describe('GUIDs', () => {
    it('needs braces and offers the fix only when the inside is a GUID', () => {
      const [fixable] = check({ownerId: ' 57f3b9b1-86f1-4fcc-b1ee-566de1813d20 '});
      expect(fixable).toMatchObject({
        field: 'ownerId',
        severity: 'error',
        fix: {ownerId: '{57f3b9b1-86f1-4fcc-b1ee-566de1813d20}'},
      });
      const [oneBrace] = check({fileId: '{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB'});
      expect(oneBrace?.fix).toEqual({fileId: '{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}'});
      const [broken] = check({fileId: '{90A44FB5-33D9-4815-AC85-BC87A7E7D1}'});
      expect(broken).toMatchObject({field: 'fileId', severity: 'error'});
      expect(broken?.fix).toBeUndefined();
      expect(broken?.message).toMatch(/not a GUID/);
    });

    it('warns when OwnerID and FileID are the same GUID, whatever the case and braces', () => {
      const issues = check({fileId: '57f3b9b1-86f1-4fcc-b1ee-566de1813d20'});
      expect(issues.map((entry) => entry.severity)).toEqual(['error', 'warning']);
      expect(issues[1]).toMatchObject({field: 'fileId', code: 'QBWC1039'});
    });
  });

  describe('enumerations and flags', () => {
    it('needs QBType exactly QBFS or QBPOS', () => {
      expect(check({qbType: 'QBPOS'})).toEqual([]);
      expect(check({qbType: 'qbpos'})[0]?.fix).toEqual({qbType: 'QBPOS'});
      const [unknown] = check({qbType: 'QBOE'});
      expect(unknown?.fix).toBeUndefined();
      expect(unknown?.message).toContain('QBFS, QBPOS');
    });

    it('checks the case of PersonalDataPref, UnattendedModePref and Style', () => {
      expect(check({personalDataPref: 'pdpRequired', unattendedModePref: 'umpRequired', style: 'RPC'})).toEqual([]);
      expect(check({personalDataPref: 'PDPOPTIONAL'})[0]?.fix).toEqual({personalDataPref: 'pdpOptional'});
      expect(check({unattendedModePref: 'umpoptional'})[0]?.fix).toEqual({unattendedModePref: 'umpOptional'});
      expect(check({style: 'document'})[0]?.fix).toEqual({style: 'Document'});
      expect(check({style: 'SOAP'})[0]?.message).toContain('Document, DocWrapped, RPC');
    });

    it('needs AuthFlags as hex 0x0 to 0xF (QBWC1034)', () => {
      for (const authFlags of ['0x0', '0xF', '0xf']) expect(check({authFlags}), authFlags).toEqual([]);
      for (const authFlags of ['15', '0x10', 'F', '0xG', '0x']) {
        expect(check({authFlags}), authFlags).toEqual([
          expect.objectContaining({field: 'authFlags', severity: 'error', code: 'QBWC1034'}),
        ]);
      }
    });

    it('warns when AuthFlags leaves editions out, or is set for Point of Sale', () => {
      const [partial] = check({authFlags: '0xC'});
      expect(partial?.message).toContain('Simple Start, Pro');
      expect(check({authFlags: '0xF', qbType: 'QBPOS'})[0]?.message).toMatch(/Point of Sale/);
    });
  });

  describe('Scheduler', () => {
    it('accepts whole minutes and seconds from 1 up', () => {
      expect(check({scheduler: {unit: 'minutes', every: 1}})).toEqual([]);
      expect(check({scheduler: {unit: 'seconds', every: 30}})).toEqual([]);
      expect(check({scheduler: {unit: 'minutes', every: 1440}})).toEqual([]);
    });

    it.each([0, -5, 2.5, Number.NaN, 2 ** 31])('rejects an interval of %s', (every) => {
      const issues = check({scheduler: {unit: 'minutes', every}});
      expect(issues).toEqual([expect.objectContaining({field: 'scheduler', severity: 'error'})]);
      expect(issues[0]?.message).toMatch(/whole number of minutes, at least 1/);
    });
  });

  describe('text values', () => {
    it('flags surrounding spaces with a trimmed fix', () => {
      expect(check({userName: 'ledger-sync '})).toEqual([
        expect.objectContaining({field: 'userName', severity: 'warning', fix: {userName: 'ledger-sync'}}),
      ]);
    });

    it('rejects control characters XML cannot carry and flags line breaks', () => {
      const [control] = check({appName: 'Ledger\u0007Sync'});
      expect(control).toMatchObject({field: 'appName', severity: 'error', fix: {appName: 'LedgerSync'}});
      expect(control?.message).toContain('U+0007');
      expect(check({appDisplayName: 'Ledger\nSync'})[0]).toMatchObject({
        severity: 'warning',
        fix: {appDisplayName: 'Ledger Sync'},
      });
    });

    it('warns about a backslash in AppName and checks CertURL', () => {
      expect(check({appName: 'Ledger\\Sync'})[0]?.message).toMatch(/backslash/);
      expect(check({certUrl: 'certs.example.com'})[0]).toMatchObject({field: 'certUrl', severity: 'error'});
      expect(check({certUrl: ''})).toEqual([]);
    });
  });
});
