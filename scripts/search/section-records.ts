import {load} from 'cheerio';
import {codeSpellings} from '../../src/qbwc/code-spellings';

/** One Algolia record per page section, keyed by its anchor (DocSearch v3 record shape). */
export interface SectionRecord {
  objectID: string;
  url: string;
  url_without_anchor: string;
  anchor: string | null;
  type: 'lvl1' | 'lvl2' | 'lvl3' | 'content';
  hierarchy: {lvl0: string; lvl1: string; lvl2: string | null; lvl3: string | null};
  content: string | null;
  /**
   * Every spelling of the codes a troubleshooting entry explains ('QBWC 1039', 'QBWC-1039', '1039'):
   * searchable, never shown, so that Algolia finds what the local search finds. Absent elsewhere.
   */
  keywords?: string[];
}

const MAX_CONTENT = 4000;

/**
 * Splits a built page into sections at each h2/h3 that carries an id, so a search for an error
 * code lands on the entry's own anchor rather than the top of the page.
 */
export function extractSectionRecords(html: string, pageUrl: string, category: string): SectionRecord[] {
  const $ = load(html);
  const article = $('article').first();
  if (article.length === 0) return [];
  article.find('.hash-link, button, script, style, [data-search-exclude]').remove();
  const title = article.find('h1').first().text().trim() || $('title').text().trim();
  const records: SectionRecord[] = [];
  let lvl2: string | null = null;
  let current: SectionRecord = record(pageUrl, null, 'lvl1', {lvl0: category, lvl1: title, lvl2: null, lvl3: null});
  const texts: string[] = [];

  const flush = () => {
    const content = texts.join(' ').replace(/\s+/g, ' ').trim();
    current.content = content ? content.slice(0, MAX_CONTENT) : null;
    records.push(current);
    texts.length = 0;
  };

  article.find('h2[id], h3[id], p, li, td, th, pre, .admonition').each((_, element) => {
    const el = $(element);
    const tag = element.tagName.toLowerCase();
    if ((tag === 'h2' || tag === 'h3') && el.attr('id')) {
      flush();
      const heading = el.text().trim();
      const id = el.attr('id') ?? null;
      if (tag === 'h2') {
        lvl2 = heading;
        current = record(pageUrl, id, 'lvl2', {lvl0: category, lvl1: title, lvl2: heading, lvl3: null});
      } else {
        current = record(pageUrl, id, 'lvl3', {lvl0: category, lvl1: title, lvl2, lvl3: heading});
      }
      return;
    }
    // Nested blocks (a <p> inside an <li>) would be counted twice; take only the outermost.
    if (el.parents('p, li, td, th, pre, .admonition').length > 0) return;
    texts.push(el.text());
  });
  flush();
  return records;
}

function record(
  pageUrl: string,
  anchor: string | null,
  type: SectionRecord['type'],
  hierarchy: SectionRecord['hierarchy'],
): SectionRecord {
  const url = anchor ? `${pageUrl}#${anchor}` : pageUrl;
  return {objectID: url, url, url_without_anchor: pageUrl, anchor, type, hierarchy, content: null};
}

/** An empty push would wipe the live index, so an empty set is refused outright. */
export function assertPushable(records: readonly SectionRecord[]): void {
  if (records.length === 0) {
    throw new Error('Refusing to push: the build produced no search records (an empty push would wipe the index).');
  }
  const keys = new Set<string>();
  for (const record of records) {
    if (keys.has(record.objectID)) throw new Error(`Refusing to push: two sections share the key ${record.objectID}.`);
    keys.add(record.objectID);
  }
}

/**
 * The records with, on each troubleshooting entry's section, the spellings of its codes
 * (src/qbwc/code-spellings.ts, as the local search's query rewriting uses them).
 */
export function withCodeSpellings(
  records: readonly SectionRecord[],
  entries: readonly {id: string; codes: readonly string[]}[],
  troubleshootingUrl: string,
): SectionRecord[] {
  const spellingsById = new Map(entries.filter((e) => e.codes.length > 0).map((e) => [e.id, e.codes.flatMap(codeSpellings)]));
  return records.map((record) => {
    const keywords =
      record.url_without_anchor === troubleshootingUrl && record.anchor ? spellingsById.get(record.anchor) : undefined;
    return keywords ? {...record, keywords} : record;
  });
}
