import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseQwc, type QwcIssue} from '../../../src/qbwc/qwc';

// Real .qwc files from Intuit's samples and public projects (tests/fixtures/reference/README.md).
const dir = join(__dirname, '../../fixtures/reference/qwc');

function read(name: string) {
  return parseQwc(readFileSync(join(dir, name), 'utf8'));
}

function summary(issues: QwcIssue[]): string[] {
  return issues.map((entry) => `${entry.severity}:${entry.field}:${entry.code ?? ''}`).sort();
}

describe('reference .qwc files', () => {
  it('every file parses to a model', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.qwc'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const result = read(name);
      expect(result.model, name).not.toBeNull();
      expect(
        result.issues.filter((entry) => entry.field === 'document'),
        name,
      ).toEqual([]);
    }
  });

  it('Intuit listing 4-1: AppSupport on another host than localhost is QBWC1000, and an Intuit site', () => {
    const result = read('intuit-proguide-listing-4-1.qwc');
    expect(summary(result.issues)).toEqual(['error:appSupport:QBWC1000', 'warning:appSupport:', 'warning:appUrl:QBWC1035']);
    expect(result.issues.find((entry) => entry.code === 'QBWC1000')?.message).toContain('developer.intuit.com');
    expect(result.issues.find((entry) => entry.code === undefined)?.message).toMatch(/Intuit site/);
    expect(result.model?.scheduler).toEqual({unit: 'minutes', every: 2});
  });

  it('Intuit HTTPSWebService: http AppSupport beside an https AppURL is only a warning', () => {
    const result = read('intuit-sdk-WCWebService-HTTPSWebService.qwc');
    expect(summary(result.issues)).toEqual(['warning:appSupport:']);
    expect(result.issues[0]?.message).toMatch(/http while AppURL uses https/);
    expect(result.model).toMatchObject({style: 'Document', authFlags: '0xF'});
  });

  it('Intuit HTTPWebService: elements out of order still read; localhost is a warning', () => {
    const result = read('intuit-sdk-WCWebService-HTTPWebService.qwc');
    expect(summary(result.issues)).toEqual(['warning:appUrl:QBWC1035']);
    expect(result.model?.userName).toBe('username');
  });

  it('consolibyte example_app: sibling subdomains warn (QBWC1000 risk) and http AppSupport warns', () => {
    const result = read('consolibyte-docs-example_app_web_connector-example.qwc');
    expect(summary(result.issues)).toEqual(['warning:appDescription:', 'warning:appSupport:', 'warning:appSupport:QBWC1000']);
    expect(result.model?.isReadOnly).toBe(false);
  });

  it('consolibyte and qbws localhost examples: an empty description and localhost warn', () => {
    for (const name of ['consolibyte-docs-web_connector-example.qwc', 'qbws-test-app.qwc']) {
      expect(summary(read(name).issues), name).toEqual(['warning:appDescription:', 'warning:appUrl:QBWC1035']);
    }
  });

  it('flowlink sample: a production-style file with no issues', () => {
    const result = read('flowlink-quickbooks_desktop_integration-sample.qwc');
    expect(result.issues).toEqual([]);
    expect(result.model).toMatchObject({appId: 'WombatQBDesktop', appDescription: "Pablo's integration"});
  });
});
