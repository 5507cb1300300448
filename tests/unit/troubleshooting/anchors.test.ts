import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  TROUBLESHOOTING_PATH,
  anchorForScenario,
  findTroubleshootingEntry,
  keptAnchors,
  supportAnchors,
  troubleshootingEntries,
  troubleshootingHref,
  troubleshootingSections,
} from '../../../src/qbwc/troubleshooting';
import {SNAPSHOT_PATH, keyOf, publishedAnchors, type Anchor} from './published-anchors';

const repoRoot = join(__dirname, '../../..');

const snapshotUrl = new URL('../../anchors.snapshot.json', import.meta.url);
const snapshot = JSON.parse(readFileSync(snapshotUrl, 'utf8')) as Anchor[];
/** The codes and anchors named in the reference's error catalogue (tests/fixtures/reference/README.md). */
const errorCatalogue = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/error-catalogue.json', import.meta.url), 'utf8'),
) as {qbwcCodes: string[]; hresults: string[]; anchors: string[]};

describe('supportAnchors', () => {
  it('has no id twice on the same page', () => {
    const keys = supportAnchors.map(keyOf);
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(repeated).toEqual([]);
  });

  it('uses short, lowercase ids made of letters, digits and hyphens', () => {
    const bad = supportAnchors.filter((a) => !/^[a-z0-9][a-z0-9-]*$/.test(a.id) || a.id.length > 32);
    expect(bad).toEqual([]);
  });

  it('uses site paths without a trailing slash', () => {
    const bad = supportAnchors.filter((a) => !/^\/[a-z0-9/-]*[a-z0-9]$/.test(a.path));
    expect(bad).toEqual([]);
  });

  it('holds every catalogue entry on the troubleshooting page', () => {
    const troubleshootingIds = supportAnchors.filter((a) => a.path === TROUBLESHOOTING_PATH).map((a) => a.id);
    expect(troubleshootingIds).toEqual(expect.arrayContaining(troubleshootingEntries.map((e) => e.id)));
  });
});

describe('the anchor snapshot (tests/anchors.snapshot.json)', () => {
  it('is sorted and has no duplicates', () => {
    const keys = snapshot.map(keyOf);
    expect(keys).toEqual([...new Set(keys)].sort());
  });

  it('still finds every published anchor: the list only grows', () => {
    const current = new Set(supportAnchors.map(keyOf));
    const missing = snapshot.filter((a) => !current.has(keyOf(a)));
    expect(
      missing,
      'These anchors were published and support links to them. Add anchors, never rename or remove one: ' +
        'restore each id in src/qbwc/troubleshooting/ (entries.ts or anchors.ts) and on its page (an old id may stay as a short entry pointing to the new one).',
    ).toEqual([]);
  });

  it('keeps every anchor any committed version of the snapshot held, even if its line was deleted too', () => {
    const published = publishedAnchors(repoRoot);
    if (published.note) console.warn(`Anchor history: ${published.note}.`);
    const current = new Set(supportAnchors.map(keyOf));
    const removed = [...published.keys].filter((key) => !current.has(key));
    expect(
      removed,
      'These anchors were published (a committed tests/anchors.snapshot.json held them). Restore each one; ' +
        'deleting its snapshot line does not unpublish it.',
    ).toEqual([]);
  });

  it('records every current anchor, so a later removal is caught', () => {
    const recorded = new Set(snapshot.map(keyOf));
    const unrecorded = supportAnchors.filter((a) => !recorded.has(keyOf(a)));
    expect(
      unrecorded.map((a) => JSON.stringify({path: a.path, id: a.id})),
      'New anchors: add these lines to tests/anchors.snapshot.json, keeping it sorted by path#id.',
    ).toEqual([]);
  });
});

describe('publishedAnchors (the history guard)', () => {
  const run = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {cwd, stdio: 'ignore'});

  it('remembers an anchor whose snapshot line was deleted in a later commit', () => {
    const repo = mkdtempSync(join(tmpdir(), 'anchors-'));
    try {
      mkdirSync(join(repo, 'tests'));
      const write = (anchors: Anchor[]) => writeFileSync(join(repo, SNAPSHOT_PATH), JSON.stringify(anchors));
      run(repo, 'init', '-q', '-b', 'main');
      write([
        {path: '/docs/a', id: 'kept'},
        {path: '/docs/a', id: 'dropped'},
      ]);
      run(repo, 'add', '-A');
      run(repo, 'commit', '-q', '-m', 'publish two anchors');
      write([{path: '/docs/a', id: 'kept'}]);
      run(repo, 'commit', '-q', '-am', 'drop one, with its snapshot line');
      const published = publishedAnchors(repo);
      expect([...published.keys].sort()).toEqual(['/docs/a#dropped', '/docs/a#kept']);
      expect(published.versions).toBe(2);
    } finally {
      rmSync(repo, {recursive: true, force: true});
    }
  });

  it('falls back to the snapshot file alone outside a git clone, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anchors-'));
    try {
      mkdirSync(join(dir, 'tests'));
      writeFileSync(join(dir, SNAPSHOT_PATH), JSON.stringify([{path: '/docs/a', id: 'only'}]));
      const published = publishedAnchors(dir);
      expect([...published.keys]).toEqual(['/docs/a#only']);
      expect(published.note).toMatch(/not a git clone/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

/** The explicit heading ids (`{/* #id *\/}`) of an .mdx page, outside code blocks. */
function headingIds(file: string): Set<string> {
  const ids = new Set<string>();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^#{1,6}\s.*\{\/\*\s*#([a-z0-9-]+)\s*\*\/\}\s*$/.exec(line);
    if (match?.[1]) ids.add(match[1]);
  }
  return ids;
}

/** The source file of a page: a doc under docs/, or an update (blog post) found by its slug. */
function pageFile(path: string): string {
  const update = /^\/updates\/([a-z0-9-]+)$/.exec(path);
  if (update) {
    const dir = join(repoRoot, 'blog');
    const post = readdirSync(dir).find(
      (name) =>
        /\.mdx?$/.test(name) && new RegExp(`^slug:\\s*${update[1]}\\s*$`, 'm').test(readFileSync(join(dir, name), 'utf8')),
    );
    if (!post) throw new Error(`No blog post with the slug of ${path}`);
    return join(dir, post);
  }
  const base = join(repoRoot, path.replace(/^\/docs\/?/, 'docs/'));
  const found = [`${base}.mdx`, `${base}.md`, join(base, 'index.mdx')].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`No page file for ${path}`);
  return found;
}

describe("the guide pages' headings", () => {
  const guidePaths = [...new Set(supportAnchors.map((a) => a.path).filter((path) => path !== TROUBLESHOOTING_PATH))];

  it.each(guidePaths)('%s has a heading for each of its support anchors', (path) => {
    const ids = headingIds(pageFile(path));
    const wanted = supportAnchors.filter((a) => a.path === path).map((a) => a.id);
    expect(wanted.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('the troubleshooting page has a heading for each of its sections', () => {
    const ids = headingIds(pageFile(TROUBLESHOOTING_PATH));
    expect(troubleshootingSections.map((section) => section.id).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('coverage of the reference error catalogue', () => {
  const {qbwcCodes, hresults, anchors: referenceAnchors} = errorCatalogue;

  it('reads the codes from the reference', () => {
    expect(qbwcCodes.length).toBeGreaterThanOrEqual(48);
    expect(hresults.length).toBeGreaterThanOrEqual(5);
  });

  it.each(qbwcCodes)('has an entry of its own for %s', (code) => {
    const found = findTroubleshootingEntry(code);
    expect(found?.id).toBe(code.toLowerCase());
    expect(found?.codes).toContain(code);
  });

  it.each(hresults)('has an entry of its own for HRESULT %s', (code) => {
    const found = findTroubleshootingEntry(code);
    expect(found?.id).toBe(`hresult-${code.toLowerCase()}`);
  });

  it('has an entry, or a kept anchor on the entry it points to, for every anchor the reference names', () => {
    const ids = new Set([...troubleshootingEntries.map((e) => e.id), ...keptAnchors.map((a) => a.id)]);
    expect(referenceAnchors.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('points every kept anchor at an entry that exists', () => {
    const entryIds = new Set(troubleshootingEntries.map((e) => e.id));
    expect(keptAnchors.filter((a) => !entryIds.has(a.entryId) || entryIds.has(a.id))).toEqual([]);
  });
});

describe('coverage of the codes the catalogue promises', () => {
  it('covers QBWC1000 to QBWC1046 and QBWC1048 one by one', () => {
    const wanted = [...Array.from({length: 47}, (_, i) => `QBWC${1000 + i}`), 'QBWC1048', 'QBWC1051', 'QBWC1085'];
    const missing = wanted.filter((code) => findTroubleshootingEntry(code)?.id !== code.toLowerCase());
    expect(missing).toEqual([]);
  });

  it.each(['0x80040400', '0x80040401', '0x80040402', '0x80040408', '0x80040420'])(
    'has an entry of its own for HRESULT %s',
    (code) => {
      expect(findTroubleshootingEntry(code)?.id).toBe(`hresult-${code}`);
    },
  );
});

describe('findTroubleshootingEntry', () => {
  it.each([
    ['Unable to open QuickBooks file.', 'unable-to-open-company-file'],
    ['Timed out attempting to communicate with QBD.', 'timed-out-communicating'],
    ['The connector says the incorrect company file is open', 'msg-wrong-company-file'],
    ['No data exchange required', 'msg-no-data-exchange'],
    ['Update postponed by application', 'msg-postponed'],
    ['Application Busy', 'msg-postponed'],
    ['Unique OwnerID/FileID pair value required', 'qbwc1039'],
    ['Could not create SSL/TLS secure channel', 'msg-tls'],
    ['The underlying connection was closed: An unexpected error occurred on a send.', 'msg-tls'],
    ['Response is not well-formed XML', 'msg-not-xml'],
    ['QuickBooks found an error when parsing the provided XML text stream.', 'hresult-0x80040400'],
    ['Could not start QuickBooks.', 'hresult-0x80040408'],
    ['The QuickBooks user has denied access.', 'hresult-0x80040420'],
  ])('finds the entry for the message "%s"', (message, id) => {
    expect(findTroubleshootingEntry(message)?.id).toBe(id);
  });

  it.each([
    ['qbwc1039', 'qbwc1039'],
    ['QBWC1039', 'qbwc1039'],
    [' QBWC 1039 ', 'qbwc1039'],
    ['1039', 'qbwc1039'],
    ['0x80040408', 'hresult-0x80040408'],
    ['0X80040408', 'hresult-0x80040408'],
    ['80040408', 'hresult-0x80040408'],
    ['nvu', 'msg-invalid-password'],
    ['NVU', 'msg-invalid-password'],
    ['busy', 'msg-postponed'],
    ['none', 'msg-no-data-exchange'],
    ['browser-cors', 'browser-cors'],
  ])('finds the entry for the code %s', (code, id) => {
    expect(findTroubleshootingEntry(code)?.id).toBe(id);
  });

  it('matches a fragment of a message, ignoring case', () => {
    expect(findTroubleshootingEntry('timed out attempting')?.id).toBe('timed-out-communicating');
    expect(findTroubleshootingEntry('UNABLE TO OPEN QUICKBOOKS')?.id).toBe('unable-to-open-company-file');
  });

  it('prefers the most specific message in a longer paste', () => {
    const paste =
      "Authentication failed due to following error message. Client found response content type of 'text/html', but expected 'text/xml'.";
    expect(findTroubleshootingEntry(paste)?.id).toBe('qbwc1012');
  });

  it('prefers a code quoted in the paste over the message after it', () => {
    expect(findTroubleshootingEntry('QBWC1042: Response is not well-formed XML')?.id).toBe('qbwc1042');
  });

  it('treats curly quotes like straight ones', () => {
    expect(findTroubleshootingEntry('Client found response content type of \u2018text/html\u2019')?.id).toBe('msg-not-xml');
  });

  it('finds nothing for empty, unknown or too-short input', () => {
    expect(findTroubleshootingEntry('')).toBeUndefined();
    expect(findTroubleshootingEntry('   ')).toBeUndefined();
    expect(findTroubleshootingEntry('QBWC9999')).toBeUndefined();
    expect(findTroubleshootingEntry('the')).toBeUndefined();
    expect(findTroubleshootingEntry('a message no one has ever seen')).toBeUndefined();
  });
});

describe('troubleshootingHref', () => {
  it('links an entry on the troubleshooting page', () => {
    expect(troubleshootingHref('qbwc1039')).toBe('/docs/troubleshooting#qbwc1039');
  });

  it('throws on an id the catalogue does not hold', () => {
    expect(() => troubleshootingHref('qbwc9999')).toThrow(/qbwc9999/);
  });
});

describe('anchorForScenario', () => {
  it('points every connection-check outcome at an existing entry', () => {
    const ids = new Set(troubleshootingEntries.map((e) => e.id));
    const broken = Object.entries(anchorForScenario).filter(([, id]) => !ids.has(id));
    expect(broken).toEqual([]);
  });

  it('sends the main outcomes to the entries that explain them', () => {
    expect(anchorForScenario['wrong-password']).toBe('msg-invalid-password');
    expect(anchorForScenario['qb-not-running']).toBe('hresult-0x80040408');
    expect(anchorForScenario['qbxml-error']).toBe('hresult-0x80040400');
    expect(anchorForScenario.cors).toBe('browser-cors');
  });
});

describe('troubleshootingEntries', () => {
  it('gives every entry a title and a one-sentence summary', () => {
    const bad = troubleshootingEntries.filter(
      (e) => e.title.trim() === '' || !/^[^.]+(\.[^ .][^.]*)*\.$/.test(e.summary.replace(/\b(e\.g|i\.e)\./g, '')),
    );
    expect(bad.map((e) => e.id)).toEqual([]);
  });
});
