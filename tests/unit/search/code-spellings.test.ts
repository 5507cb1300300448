import {describe, expect, it} from 'vitest';
import {canonicalCode, codeSpellings, normalizeCodesInQuery} from '../../../src/qbwc/code-spellings';
import {normalizeSearchQuery, troubleshootingEntries} from '../../../src/qbwc/troubleshooting';

const catalogueCodes = troubleshootingEntries.flatMap((e) => e.codes).filter((code) => canonicalCode(code) !== undefined);

describe('canonicalCode', () => {
  it.each([
    ['QBWC1039', 'QBWC1039'],
    ['qbwc 1039', 'QBWC1039'],
    ['QBWC-1039', 'QBWC1039'],
    ['qbwc_1039', 'QBWC1039'],
    ['1039', 'QBWC1039'],
    ['0x80040400', '0x80040400'],
    ['0X80040400', '0x80040400'],
    ['80040400', '0x80040400'],
  ])('writes %j as the pages print it', (typed, printed) => {
    expect(canonicalCode(typed)).toBe(printed);
  });

  it.each(['nvu', 'HTTP 404', 'QBWC', '103', '10399', 'qbwc 1039 now', '0x8004040'])('leaves %j alone', (text) => {
    expect(canonicalCode(text)).toBeUndefined();
  });
});

describe('codeSpellings', () => {
  it('gives every way a QBWC code and an HRESULT are typed, the printed form first', () => {
    expect(codeSpellings('QBWC1039')).toEqual(['QBWC1039', 'QBWC 1039', 'QBWC-1039', '1039']);
    expect(codeSpellings('0x80040400')).toEqual(['0x80040400', '80040400']);
    expect(codeSpellings('nvu')).toEqual(['nvu']);
  });

  it('has, for every code in the catalogue, spellings that all lead back to it', () => {
    expect(catalogueCodes.length).toBeGreaterThan(40);
    for (const code of catalogueCodes) {
      for (const spelling of codeSpellings(code)) expect(canonicalCode(spelling)).toBe(code);
    }
  });
});

describe('normalizeCodesInQuery', () => {
  const known = new Set(['QBWC1039', '0x80040400']);

  it.each([
    ['qbwc 1039', 'QBWC1039'],
    ['QBWC-1039', 'QBWC1039'],
    ['qbwc1039', 'QBWC1039'],
    ['1039', 'QBWC1039'],
    ['80040400', '0x80040400'],
    ['0X80040400', '0x80040400'],
    ['error qbwc 1039 again', 'error QBWC1039 again'],
    ['I see 1039.', 'I see QBWC1039.'],
  ])('rewrites %j to %j', (typed, query) => {
    expect(normalizeCodesInQuery(typed, known)).toBe(query);
  });

  it('joins a QBWC code still being typed, so a prefix search narrows as the digits come', () => {
    expect(normalizeCodesInQuery('qbwc 10', known)).toBe('QBWC10');
    expect(normalizeCodesInQuery('qbwc-103', known)).toBe('QBWC103');
  });

  it.each(['2023', 'certificate expired 2023', '10390', 'qbwc', 'deadbeef', 'version 3.0.1039'])(
    'leaves %j alone: no code the catalogue holds',
    (text) => {
      expect(normalizeCodesInQuery(text, known)).toBe(text);
    },
  );
});

describe('normalizeSearchQuery', () => {
  it('takes every spelling of every catalogue code to the printed form', () => {
    const wrong = catalogueCodes.flatMap((code) =>
      codeSpellings(code)
        .map((spelling) => [spelling, normalizeSearchQuery(spelling)] as const)
        .filter(([, query]) => query !== code),
    );
    expect(wrong).toEqual([]);
  });

  it('leaves a number the catalogue has no code for alone', () => {
    expect(troubleshootingEntries.some((e) => e.codes.includes('QBWC2023'))).toBe(false);
    expect(normalizeSearchQuery('2023')).toBe('2023');
  });
});
