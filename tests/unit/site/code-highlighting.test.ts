import {describe, expect, it} from 'vitest';
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import Prism from 'prismjs';
import {tokensByLine} from '../../../src/code-highlighting/lines';
import {stylesFor, tokenStyle} from '../../../src/code-highlighting/styles';
import {Highlight, type RenderProps} from '../../../src/code-highlighting/Highlight';
import {accessibleLightCodeTheme} from '../../../src/prism-themes';

// `prismjs` (its full build, which includes markup) stands in for the site's Prism here: the
// site's module loads grammars through the Docusaurus theme, which only a build resolves.
const xml = (code: string) => tokensByLine(Prism.tokenize(code, Prism.languages.markup!));

describe('Prism tokens, line by line', () => {
  it('gives a nested token both types, outermost first, and text outside tokens the type plain', () => {
    const [line] = xml('<a>x</a>');
    expect(line).toEqual([
      {types: ['tag', 'punctuation'], content: '<'},
      {types: ['tag'], content: 'a'},
      {types: ['tag', 'punctuation'], content: '>'},
      {types: ['plain'], content: 'x'},
      {types: ['tag', 'punctuation'], content: '</'},
      {types: ['tag'], content: 'a'},
      {types: ['tag', 'punctuation'], content: '>'},
    ]);
  });

  it('cuts a token that spans lines, keeping its types on both parts', () => {
    const lines = xml('<!-- one\ntwo -->');
    expect(lines).toEqual([[{types: ['comment'], content: '<!-- one'}], [{types: ['comment'], content: 'two -->'}]]);
  });

  it('keeps an empty line as one line-break token, so the line keeps its height', () => {
    expect(tokensByLine('a\n\nb\n')).toEqual([
      [{types: ['plain'], content: 'a'}],
      [{types: ['plain'], content: '\n', empty: true}],
      [{types: ['plain'], content: 'b'}],
      [{types: ['plain'], content: '\n', empty: true}],
    ]);
    expect(tokensByLine('a\r\nb')).toHaveLength(2);
  });

  it('adds an alias after the type, and does not repeat a type', () => {
    const stream = [new Prism.Token('outer', [new Prism.Token('outer', 'x', 'named')], 'shared')];
    expect(tokensByLine(stream)).toEqual([[{types: ['outer', 'shared', 'outer', 'named'], content: 'x'}]]);
    const repeated = [new Prism.Token('a', [new Prism.Token('a', 'y')])];
    expect(tokensByLine(repeated)).toEqual([[{types: ['a'], content: 'y'}]]);
  });
});

describe('token styles from the theme', () => {
  const styles = stylesFor(accessibleLightCodeTheme, 'markup');

  it('styles the block with the theme, and lines with its colours but no background', () => {
    expect(styles.root).toEqual(accessibleLightCodeTheme.plain);
    expect(styles.plain?.color).toBe(accessibleLightCodeTheme.plain.color);
    expect(styles.plain?.backgroundColor).toBeUndefined();
  });

  it('gives a token the colours of its types, and plain text none of its own', () => {
    const comment = accessibleLightCodeTheme.styles.find((entry) => entry.types.includes('comment'));
    expect(tokenStyle(styles, {types: ['comment'], content: '<!-- -->'})).toMatchObject(comment!.style);
    expect(tokenStyle(styles, {types: ['plain'], content: 'x'})).toBeUndefined();
    expect(tokenStyle(styles, {types: ['plain'], content: '\n', empty: true})).toEqual({display: 'inline-block'});
  });

  it('skips theme entries made for other languages', () => {
    const theme = {plain: {color: '#000'}, styles: [{types: ['tag'], languages: ['jsx' as const], style: {color: '#123456'}}]};
    expect(stylesFor(theme, 'markup').tag).toBeUndefined();
    expect(stylesFor(theme, 'jsx').tag).toEqual({color: '#123456'});
  });
});

describe('Highlight', () => {
  const draw = (code: string, language: string) =>
    renderToStaticMarkup(
      createElement(Highlight, {
        code,
        language,
        theme: accessibleLightCodeTheme,
        prism: Prism,
        children: ({className, style, tokens, getLineProps, getTokenProps}: RenderProps) =>
          createElement(
            'pre',
            {className, style},
            tokens.map((line, index) =>
              createElement(
                'div',
                {key: index, ...getLineProps({line})},
                line.map((token, at) => createElement('span', {key: at, ...getTokenProps({token})})),
              ),
            ),
          ),
      }),
    );

  it('draws each line with its tokens, classed by type and coloured by the theme', () => {
    const html = draw('<QBWCXML>\n</QBWCXML>', 'XML');
    expect(html).toMatch(/^<pre class="prism-code language-xml" style="/);
    expect(html.match(/class="token-line"/g)).toHaveLength(2);
    expect(html).toContain('<span class="token tag punctuation"');
    expect(html).toContain('>QBWCXML</span>');
  });

  it('draws a language without a grammar as plain text, escaped', () => {
    const html = draw('a < b', 'text');
    expect(html).toContain('class="prism-code language-text"');
    expect(html).toContain('<span class="token plain">a &lt; b</span>');
  });
});
