import {mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  FIRST_SCREEN_MAX_HEIGHT_EM,
  PAST_FIRST_SCREEN_ATTRIBUTE,
  markPastFirstScreen,
} from '../../../src/plugins/served-text-first-screen';
import servedText from '../../../src/plugins/served-text';

/** A built page as Docusaurus writes it, its text's blocks given as HTML. */
function page(blocks: string[]): string {
  return (
    '<!doctype html><html lang=en class="served-text-doc"><head><title>Guide</title>' +
    '<script>document.documentElement.dataset.x="1"</script></head><body><div id=__docusaurus>' +
    `<article><div class="theme-doc-markdown markdown">${blocks.join('')}</div></article>` +
    '<footer>Footer</footer></div></body></html>'
  );
}

const header = '<header><h1>Reauthorize</h1></header>';
/** A paragraph of one line in the widest column: one line and its margin, 46.4 px. */
const line = (n: number) => `<p>Step ${String(n).padStart(3, '0')}: ${'Open QuickBooks as Admin. '.repeat(3)}</p>`;

describe('the first screen of a served text (src/plugins/served-text-first-screen.ts)', () => {
  it('marks the first block whose least top is below a 1200 px window, less the 150 px above the text', () => {
    // The header is at least 60 px; the one-line paragraphs 46.4 px each: paragraph k (block k)
    // starts at 60 + 46.4 (k - 1) px at the least, 1050 px first for k = 23.
    const source = page([header, ...Array.from({length: 40}, (_, i) => line(i + 1))]);
    const {html, marked} = markPastFirstScreen(source);
    expect(marked).toBe(23);
    expect(html).toContain(`<p ${PAST_FIRST_SCREEN_ATTRIBUTE}>Step 023:`);
    expect(html.match(new RegExp(PAST_FIRST_SCREEN_ATTRIBUTE, 'g'))).toHaveLength(1);
  });

  it('writes in only the attribute: every other byte of the page stays as it was', () => {
    const source = page([header, ...Array.from({length: 40}, (_, i) => line(i + 1))]);
    const {html} = markPastFirstScreen(source);
    expect(html.replace(` ${PAST_FIRST_SCREEN_ATTRIBUTE}`, '')).toBe(source);
  });

  it('counts a long paragraph by its lines, a list by its items and a table by its rows', () => {
    const long = `<p>${'word '.repeat(300)}</p>`; // 1,499 characters: 10 lines, 284 px
    const list = `<ul>${'<li>Item</li>'.repeat(12)}</ul>`; // 12 lines, 336.8 px
    const table = `<table><tbody>${'<tr><td>QBWC1039</td></tr>'.repeat(16)}</tbody></table>`; // 16 rows, 422.4 px
    // 60 + 284 + 336.8 + 422.4 = 1,103.2: the paragraph after the table is the first past 1,050.
    const {marked} = markPastFirstScreen(page([header, long, list, table, line(1), line(2)]));
    expect(marked).toBe(4);
    // Without the table, the blocks end at 680.8 + 46.4 + 46.4 px: nothing is past the first screen.
    expect(markPastFirstScreen(page([header, long, list, line(1), line(2)])).marked).toBeNull();
  });

  it('never marks a heading or a component: the mark goes on the next paragraph, list, table or quote', () => {
    const blocks = [header, ...Array.from({length: 22}, (_, i) => line(i + 1))];
    // Block 23 would be the first past the screen; here it is a heading, then an admonition.
    const source = page([...blocks, '<h2 id=next>Next</h2>', '<div class="theme-admonition">Tip</div>', line(99)]);
    const {html, marked} = markPastFirstScreen(source);
    expect(marked).toBe(25);
    expect(html).toContain(`<p ${PAST_FIRST_SCREEN_ATTRIBUTE}>Step 099:`);
  });

  it('stops the build on a page without a text element', () => {
    expect(() => markPastFirstScreen('<!doctype html><html><body><p>Nothing</p></body></html>')).toThrow(/theme-doc-markdown/);
  });

  it('is what the style sheet skips from, in windows up to the height the mark is made for', () => {
    const css = readFileSync(join(__dirname, '../../../src/css/custom.css'), 'utf8');
    const rule = css.slice(css.indexOf(`@media (max-height: ${FIRST_SCREEN_MAX_HEIGHT_EM}em)`));
    expect(rule.length).toBeLessThan(css.length);
    const block = rule.slice(0, rule.indexOf('\n}\n'));
    expect(block).toContain(`[${PAST_FIRST_SCREEN_ATTRIBUTE}] ~ *`);
    expect(block).toContain('content-visibility: auto;');
  });

  it("is written into each served text's built page after the build, and into no other page", async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'qbwc-first-screen-'));
    mkdirSync(join(outDir, 'docs'));
    const long = page([header, ...Array.from({length: 40}, (_, i) => line(i + 1))]);
    for (const name of ['docs.html', 'docs/reauthorize.html', 'docs/qwc-file.html']) writeFileSync(join(outDir, name), long);
    const doc = (source: string, permalink: string, served: boolean) => ({
      source,
      permalink,
      frontMatter: served ? {served_text: true} : {},
    });
    const plugin = servedText();
    await plugin.allContentLoaded!({
      allContent: {
        'docusaurus-plugin-content-docs': {
          default: {
            loadedVersions: [
              {
                docs: [
                  doc('@site/docs/index.mdx', '/docs/', true),
                  doc('@site/docs/reauthorize.mdx', '/docs/reauthorize', true),
                  doc('@site/docs/qwc-file.mdx', '/docs/qwc-file', false),
                ],
              },
            ],
          },
        },
      },
      actions: {createData: (name: string) => Promise.resolve(join(outDir, name))},
    } as never);
    await plugin.postBuild!({outDir} as never);
    const marks = (name: string) => readFileSync(join(outDir, name), 'utf8').split(PAST_FIRST_SCREEN_ATTRIBUTE).length - 1;
    expect([marks('docs.html'), marks('docs/reauthorize.html'), marks('docs/qwc-file.html')]).toEqual([1, 1, 0]);
    // Each page was replaced whole: no half-written copy is left beside it.
    expect(readdirSync(join(outDir, 'docs')).sort()).toEqual(['qwc-file.html', 'reauthorize.html']);
  });
});
