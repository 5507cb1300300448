import {describe, expect, it} from 'vitest';
import {diagnoseLog, type LogReport} from '../../../src/qbwc/log/diagnose';
import {parseLog} from '../../../src/qbwc/log/parse';
import {findTroubleshootingEntry, troubleshootingEntries, troubleshootingHref} from '../../../src/qbwc/troubleshooting';
import {logFixtureNames, readLogFixture} from '../../fixtures/logs/fixtures';

function report(name: string): LogReport {
  return diagnoseLog(parseLog(readLogFixture(name)));
}

/** Every code and message each fixture holds, and the catalogue entry it must link (null: not in the catalogue). */
const expectedFindings: Record<string, [string | null, string | null][]> = {
  '01-verbose-header-iterator-request-cycle.txt': [],
  '02-successful-session-close-unlock.txt': [],
  '04-add-qwc-registry-error-QBWC1053-modal-dialog.txt': [
    [null, 'msg-object-reference'],
    ['QBWC1053', 'qbwc1053'],
  ],
  '06-password-not-set-QBWC1030-enter-password.txt': [['QBWC1030', 'qbwc1030']],
  '07-authenticate-nvu-invalid-user-postponed.txt': [
    ['nvu', 'msg-invalid-password'],
    ['QBWC1031', 'qbwc1031'],
  ],
  '11-QBWC1012-auth-failed-connection-closed-unexpectedly.txt': [['QBWC1012', 'qbwc1012']],
  '12-QBWC1042-receiveResponseXML-not-well-formed-dialog.txt': [
    ['QBWC1042', 'qbwc1042'],
    [null, 'msg-not-xml'],
  ],
  '14-sendRequestXML-0x80040400-parse-error-debug.txt': [['0x80040400', 'hresult-0x80040400']],
  '18-sendRequestXML-failed-object-reference-stacktrace.txt': [[null, 'msg-object-reference']],
  '20-authenticate-NONE-no-data-exchange-required.txt': [['none', 'msg-no-data-exchange']],
  '21-QBWC1051-appurl-not-https-dialog.txt': [['QBWC1051', 'qbwc1051']],
  'synthetic-busy-company-file-unknown-code.txt': [
    ['QBWC1099', null],
    ['busy', 'msg-postponed'],
    ['nvu', 'msg-invalid-password'],
  ],
  'synthetic-not-a-log.txt': [],
};

describe('findings on every fixture', () => {
  it('covers every fixture', () => {
    expect([...logFixtureNames]).toEqual(Object.keys(expectedFindings).sort());
  });

  it.each(Object.entries(expectedFindings))('%s: every code with its anchor', (name, expected) => {
    const found = report(name).findings.map((f) => [f.code, f.entryId]);
    expect(found.sort()).toEqual([...expected].sort());
  });

  it('links every finding to an entry the catalogue holds', () => {
    const ids = new Set(troubleshootingEntries.map((e) => e.id));
    for (const name of logFixtureNames) {
      for (const finding of report(name).findings) {
        if (finding.entryId === null) continue;
        expect(ids.has(finding.entryId), `${name}: ${finding.entryId}`).toBe(true);
        expect(() => troubleshootingHref(finding.entryId!)).not.toThrow();
      }
    }
  });

  it('gives findings stable anchors made from their entry or code', () => {
    const {findings} = report('synthetic-busy-company-file-unknown-code.txt');
    expect(findings.map((f) => f.anchor).sort()).toEqual(['log-msg-invalid-password', 'log-msg-postponed', 'log-qbwc1099']);
    expect(report('04-add-qwc-registry-error-QBWC1053-modal-dialog.txt').findings.map((f) => f.anchor)).toEqual([
      'log-msg-object-reference',
      'log-qbwc1053',
    ]);
  });

  it('shows a code the catalogue lacks as such, with the line that names it', () => {
    const unknown = report('synthetic-busy-company-file-unknown-code.txt').findings.find((f) => f.code === 'QBWC1099');
    expect(findTroubleshootingEntry('QBWC1099')).toBeUndefined();
    expect(unknown).toMatchObject({entryId: null, title: 'QBWC1099: not in the troubleshooting catalogue yet', count: 1});
    expect(unknown?.example).toBe('QBWC1099: A code this catalogue has never seen.');
  });

  it('counts a refusal once, though both the authenticate result and a message say it', () => {
    const finding = report('07-authenticate-nvu-invalid-user-postponed.txt').findings.find((f) => f.code === 'nvu');
    expect(finding).toMatchObject({entryId: 'msg-invalid-password', count: 1, firstLine: 21});
  });

  it('counts repeats and names the application they happened in', () => {
    const finding = report('06-password-not-set-QBWC1030-enter-password.txt').findings[0];
    // Five scheduled refusals and two "Enter a password" messages on Update Selected.
    expect(finding).toMatchObject({code: 'QBWC1030', count: 7, firstLine: 2, apps: ['development - pisanchyn-law-firm']});
  });
});

describe('the summary of each application', () => {
  it('says the service refused the password, and links the fix', () => {
    const {apps} = report('07-authenticate-nvu-invalid-user-postponed.txt');
    expect(apps).toHaveLength(1);
    expect(apps[0]?.lastRun).toMatchObject({
      outcome: 'refused',
      trigger: 'scheduled',
      time: '2025-05-19 13:33:53 UTC',
      entryId: 'msg-invalid-password',
      findingAnchor: 'log-msg-invalid-password',
    });
    expect(apps[0]?.lastRun.ending).toBe('The service refused the user name or password (authenticate returned nvu).');
  });

  it('says a scheduled run did not start without a password, and that the last manual one stopped on it', () => {
    const {apps} = report('06-password-not-set-QBWC1030-enter-password.txt');
    const app = apps[0]!;
    expect(app.runCount).toBe(7);
    expect(app.runs[0]).toMatchObject({outcome: 'no-password', entryId: 'qbwc1030'});
    expect(app.lastRun).toMatchObject({trigger: 'manual', outcome: 'failed', entryId: 'qbwc1030'});
  });

  it('says a run that hit QBWC1053 connected on a later try', () => {
    const {apps} = report('04-add-qwc-registry-error-QBWC1053-modal-dialog.txt');
    expect(apps[0]?.lastRun).toMatchObject({trigger: 'add', outcome: 'recovered', entryId: 'qbwc1053'});
  });

  it('says a session that closed normally completed, with nothing to fix', () => {
    const {apps} = report('02-successful-session-close-unlock.txt');
    expect(apps[0]?.lastRun).toMatchObject({outcome: 'completed', entryId: null, next: 'Nothing to fix.'});
    expect(apps[0]?.lastRun.ending).toContain('Complete!');
  });

  it('says a log that stops mid-run is unfinished', () => {
    expect(report('01-verbose-header-iterator-request-cycle.txt').apps[0]?.lastRun.outcome).toBe('unfinished');
  });

  it('says none is normal', () => {
    const {apps} = report('20-authenticate-NONE-no-data-exchange-required.txt');
    expect(apps[0]?.lastRun).toMatchObject({outcome: 'nothing-to-do', entryId: 'msg-no-data-exchange'});
  });

  it('summarizes each application of a log with two by its own last run', () => {
    const {apps} = report('synthetic-busy-company-file-unknown-code.txt');
    expect(apps.map((a) => [a.app, a.runCount, a.lastRun.outcome, a.lastRun.entryId])).toEqual([
      ['Orders Sync', 2, 'failed', null],
      ['Payroll Export', 1, 'refused', 'msg-invalid-password'],
    ]);
    expect(apps[0]?.runs[0]).toMatchObject({outcome: 'busy', entryId: 'msg-postponed'});
    expect(apps[0]?.lastRun.ending).toBe('Stopped on QBWC1099, a code the troubleshooting catalogue does not explain yet.');
  });

  it('keeps the last twenty runs of an application and counts them all', () => {
    const block = readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt');
    const {apps} = diagnoseLog(parseLog(Array.from({length: 25}, () => block).join('\n')));
    expect(apps[0]?.runCount).toBe(25);
    expect(apps[0]?.runs).toHaveLength(20);
  });

  it('carries the versions and the log level into the report', () => {
    const r = report('01-verbose-header-iterator-request-cycle.txt');
    expect(r.level).toBe('VERBOSE');
    expect(r.versions).toEqual({webConnector: '2.2', clientVersionSent: null, qbxml: '13.0', quickBooksProduct: null});
  });

  it('finds nothing in text that is not a log', () => {
    const r = report('synthetic-not-a-log.txt');
    expect(r.shape).toBe('other');
    expect(r.apps).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});
