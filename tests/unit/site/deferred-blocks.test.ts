import {describe, expect, it} from 'vitest';
import {compile} from '@mdx-js/mdx';
import {createElement, type ReactNode} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import deferredBlocks from '../../../src/plugins/deferred-blocks';
import DeferredBlock from '../../../src/components/kit/DeferredBlock';

const mdx = async (source: string) => String(await compile(source, {recmaPlugins: [deferredBlocks]}));

/** The compiled page's top-level `content: () => ...` blocks, by their `as`. */
const deferredAs = (code: string) => [...code.matchAll(/_DeferredBlock, \{\s*as: ([^,\n]+),/g)].map((m) => m[1]);

describe('the deferred-blocks recma step', () => {
  it("defers a page's top-level paragraphs, lists, tables and quotes, Markdown and JSX alike", async () => {
    const code = await mdx(
      [
        'Some **text**.',
        '',
        '- one',
        '- two',
        '',
        '1. first',
        '',
        '> quoted',
        '',
        '<table><tbody><tr><td>1</td></tr></tbody></table>',
      ].join('\n'),
    );
    expect(deferredAs(code)).toEqual(['_components.p', '_components.ul', '_components.ol', '_components.blockquote', '"table"']);
    expect(code.match(/import _DeferredBlock from "@site\/src\/components\/kit\/DeferredBlock";/g)).toHaveLength(1);
  });

  it('puts the children in a function and keeps the other props', async () => {
    const code = await mdx('<ul className="index">\n  <li>one</li>\n</ul>');
    expect(code).toMatch(
      /_DeferredBlock, \{\s*as: "ul",\s*className: "index",\s*content: \(\) => _jsx\("li", \{\s*children: "one"\s*\}\)\s*\}/,
    );
  });

  it('leaves headings, components and nested blocks as they are', async () => {
    const code = await mdx(
      ['## A heading', '', '<Note>inside</Note>', '', '- item', '', '  nested paragraph', '', '  - nested list'].join('\n'),
    );
    // Only the outer list: its items' paragraphs and the list inside are part of its content.
    expect(deferredAs(code)).toEqual(['_components.ul']);
    expect(code).toContain('_jsx(_components.h2, {');
    expect(code).toMatch(/_jsx\(Note, \{\s*children: "inside"\s*\}\)/);
  });

  it('defers a page that is a single block, and adds nothing to a page without one', async () => {
    expect(deferredAs(await mdx('Only this.'))).toEqual(['_components.p']);
    const headingOnly = await mdx('## Only a heading');
    expect(headingOnly).not.toContain('_DeferredBlock');
  });
});

describe('DeferredBlock on the server', () => {
  const render = (node: ReactNode) => renderToStaticMarkup(node);

  it('draws the same markup as the element would, for one child or several', () => {
    const several = () => ['Read ', createElement('strong', {key: undefined}, 'this'), ' first.'];
    expect(render(createElement(DeferredBlock, {as: 'p', content: several}))).toBe(
      render(createElement('p', null, 'Read ', createElement('strong', null, 'this'), ' first.')),
    );
    expect(
      render(createElement(DeferredBlock, {as: 'ol', className: 'steps', content: () => createElement('li', null, 'one')})),
    ).toBe('<ol class="steps"><li>one</li></ol>');
  });

  it('draws through a component that spreads its props on its element', () => {
    const List = (props: Record<string, unknown>) => createElement('ul', {...props, 'data-list': 'yes'});
    expect(render(createElement(DeferredBlock, {as: List, content: () => createElement('li', null, 'x')}))).toBe(
      '<ul data-list="yes"><li>x</li></ul>',
    );
  });
});
