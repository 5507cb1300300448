import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {troubleshootingEntries, troubleshootingSections} from '../../../src/qbwc/troubleshooting';

interface PageHeading {
  level: number;
  text: string;
  id: string | undefined;
}

const page = readFileSync(new URL('../../../docs/troubleshooting.mdx', import.meta.url), 'utf8');

/** Markdown headings outside the front matter and code fences, with their explicit `{/* #id *\/}` id if any. */
function headingsOf(mdx: string): PageHeading[] {
  const headings: PageHeading[] = [];
  let inFence = false;
  // A YAML comment in the front matter starts with # too.
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, hashes = '', rest = ''] = match;
    const withId = /^(.*?)\s*\{\/\*\s*#([^\s*]+)\s*\*\/\}$/.exec(rest);
    headings.push({level: hashes.length, text: withId?.[1] ?? rest, id: withId?.[2]});
  }
  return headings;
}

const headings = headingsOf(page);
const entryHeadings = headings.filter((h) => h.level === 3);
const sectionHeadings = headings.filter((h) => h.level === 2);

describe('docs/troubleshooting.mdx', () => {
  it('gives every h2 and h3 an explicit id', () => {
    expect(headings.filter((h) => h.level <= 3 && !h.id).map((h) => h.text)).toEqual([]);
  });

  it('uses each heading id once', () => {
    const ids = headings.map((h) => h.id).filter((id): id is string => id !== undefined);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('never uses the {#id} heading syntax, which breaks the MDX build', () => {
    expect(page).not.toMatch(/^#{1,6} .*\{#[\w-]+\}\s*$/m);
  });

  it('has a heading for every catalogue entry', () => {
    const onPage = new Set(entryHeadings.map((h) => h.id));
    expect(troubleshootingEntries.map((e) => e.id).filter((id) => !onPage.has(id))).toEqual([]);
  });

  it('has no entry heading the catalogue does not know', () => {
    const known = new Set(troubleshootingEntries.map((e) => e.id));
    expect(entryHeadings.map((h) => h.id).filter((id) => !known.has(id ?? ''))).toEqual([]);
  });

  it('shows the entries in catalogue order, each under its catalogue title', () => {
    expect(entryHeadings.map((h) => [h.id, h.text])).toEqual(troubleshootingEntries.map((e) => [e.id, e.title]));
  });

  it('has exactly the catalogue sections as h2 headings, in order', () => {
    expect(sectionHeadings.map((h) => [h.id, h.text])).toEqual(troubleshootingSections.map((s) => [s.id, s.title]));
  });

  it('keeps every entry visible: no tabs and no collapsed blocks', () => {
    expect(page).not.toMatch(/<(Tabs|TabItem|details)\b/);
  });

  it('only links same-page anchors that exist', () => {
    const ids = new Set(headings.map((h) => h.id));
    const links = [...page.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((id) => !ids.has(id))).toEqual([]);
  });
});
