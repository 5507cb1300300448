import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {keptAnchors, troubleshootingEntries} from '../../../src/qbwc/troubleshooting';

// A kept anchor is a published link whose entry was folded into another: the page must still carry
// the id, inside the entry it now points to, and must no longer list it as a message of its own.
const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'troubleshooting.mdx'), 'utf8');

/** The text of one entry: from its heading to the next h2 or h3. */
function entrySection(id: string): string {
  const start = page.indexOf(`{/* #${id} */}`);
  if (start < 0) return '';
  const rest = page.slice(start);
  const next = rest.slice(1).search(/\n#{2,3} /);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

describe.each(keptAnchors.map((a) => [a.id, a]))('kept anchor #%s', (_id, anchor) => {
  it('sits inside the entry it points to', () => {
    expect(entrySection(anchor.entryId)).toContain(`<KeptAnchor id="${anchor.id}">`);
  });

  it('has no heading or catalogue entry of its own any more', () => {
    expect(page).not.toContain(`{/* #${anchor.id} */}`);
    expect(troubleshootingEntries.map((e) => e.id)).not.toContain(anchor.id);
  });
});

it('keeps the anchor of the invented "Timed out communicating" message', () => {
  expect(keptAnchors).toContainEqual({id: 'msg-timed-out-qbd', entryId: 'timed-out-communicating'});
});
