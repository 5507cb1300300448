import {describe, expect, it} from 'vitest';
import {assertPushable, extractSectionRecords, withCodeSpellings} from '../../../scripts/search/section-records';

const page = `<html><head><title>Troubleshooting | Help</title></head><body><article>
<h1>Troubleshooting</h1><p>Find your error below.</p>
<h2 id="adding">Adding the application<a class="hash-link" href="#adding">#</a></h2><p>Codes seen while adding.</p>
<h3 id="qbwc1039">QBWC1039: There was a problem adding the application</h3>
<p>The company file already carries a stamp.</p><ul><li><p>Remove the stamp</p></li></ul>
<button>Copy link</button>
<h3 id="qbwc1010">QBWC1010: Only SSL applications are allowed</h3><p>Use https.</p>
</article></body></html>`;

describe('extractSectionRecords', () => {
  const records = extractSectionRecords(page, 'https://help.example.com/docs/troubleshooting', 'Troubleshooting');

  it('makes one record per section, keyed by the section anchor', () => {
    expect(records.map((r) => r.objectID)).toEqual([
      'https://help.example.com/docs/troubleshooting',
      'https://help.example.com/docs/troubleshooting#adding',
      'https://help.example.com/docs/troubleshooting#qbwc1039',
      'https://help.example.com/docs/troubleshooting#qbwc1010',
    ]);
  });

  it('keeps the heading hierarchy and the section text, without hash links, buttons or duplicates', () => {
    const entry = records.find((r) => r.anchor === 'qbwc1039');
    expect(entry?.hierarchy).toEqual({
      lvl0: 'Troubleshooting',
      lvl1: 'Troubleshooting',
      lvl2: 'Adding the application',
      lvl3: 'QBWC1039: There was a problem adding the application',
    });
    expect(entry?.content).toBe('The company file already carries a stamp. Remove the stamp');
    expect(records.find((r) => r.anchor === 'adding')?.hierarchy.lvl2).toBe('Adding the application');
  });

  it('returns nothing for a page without an article', () => {
    expect(extractSectionRecords('<html><body><p>hi</p></body></html>', 'https://x/', 'Guides')).toEqual([]);
  });
});

describe('assertPushable', () => {
  it('refuses an empty set, which would wipe the index', () => {
    expect(() => assertPushable([])).toThrow(/no search records/);
  });

  it('refuses two records with one key and accepts distinct ones', () => {
    const records = extractSectionRecords(page, 'https://help.example.com/docs/troubleshooting', 'Troubleshooting');
    expect(() => assertPushable(records)).not.toThrow();
    expect(() => assertPushable([...records, records[1]!])).toThrow(/share the key/);
  });
});

describe('withCodeSpellings', () => {
  const url = 'https://help.example.com/docs/troubleshooting';
  const records = extractSectionRecords(page, url, 'Troubleshooting');
  const entries = [
    {id: 'qbwc1039', codes: ['QBWC1039']},
    {id: 'qbwc1010', codes: ['QBWC1010']},
    {id: 'adding', codes: []},
  ];

  it('gives each entry the spellings people type for its codes, and nothing to other sections', () => {
    const marked = withCodeSpellings(records, entries, url);
    expect(marked.find((r) => r.anchor === 'qbwc1039')?.keywords).toEqual(['QBWC1039', 'QBWC 1039', 'QBWC-1039', '1039']);
    expect(marked.find((r) => r.anchor === 'qbwc1010')?.keywords).toContain('1010');
    expect(marked.filter((r) => r.keywords).map((r) => r.anchor)).toEqual(['qbwc1039', 'qbwc1010']);
  });

  it('marks only the troubleshooting page', () => {
    expect(withCodeSpellings(records, entries, 'https://help.example.com/docs/other').some((r) => r.keywords)).toBe(false);
  });
});
