import {describe, expect, it} from 'vitest';
import markdownCopyCleanup from '../../../src/plugins/markdown-copy-cleanup';
import {looksLikeMarkdown, markdownUrlFor} from '../../../src/components/CopyPageMarkdown/markdown-url';

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const el = (tagName: string, properties: Record<string, unknown>, children: Node[] = []): Node => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): Node => ({type: 'text', value});

function textOf(node: Node): string {
  return node.value ?? (node.children ?? []).map(textOf).join('');
}

describe('the Markdown copy cleanup', () => {
  it('replaces a drawn dialog by its description and keeps the caption', () => {
    const tree: Node = {
      type: 'root',
      children: [
        el('figure', {}, [
          el('div', {role: 'img', ariaLabel: 'Drawing of the Access Confirmation window.'}, [el('span', {}, [txt('Done')])]),
          el('figcaption', {}, [txt('The last window.'), {type: 'comment', value: ' '}]),
        ]),
      ],
    };
    markdownCopyCleanup()(tree);
    const out = textOf(tree);
    expect(out).toContain('Drawing of the Access Confirmation window.');
    expect(JSON.stringify(tree)).not.toContain('"comment"');
    expect(out).toContain('The last window.');
    expect(out).not.toContain('Done');
  });

  it('drops heading hash links and empty React comments, and keeps the heading text', () => {
    const tree: Node = {
      type: 'root',
      children: [
        el('h2', {id: 'x'}, [txt('Add the application'), el('a', {className: ['hash-link'], href: '#x'}, [txt('\u200b')])]),
        {type: 'comment', value: ' '},
        el('p', {}, [txt('Keep me')]),
      ],
    };
    markdownCopyCleanup()(tree);
    expect(tree.children?.map((c) => c.type)).toEqual(['element', 'element']);
    expect(textOf(tree)).toBe('Add the applicationKeep me');
  });

  it('leaves a figure without a drawing as it is', () => {
    const figure = el('figure', {}, [el('img', {alt: 'photo'}), el('figcaption', {}, [txt('A photo')])]);
    const tree: Node = {type: 'root', children: [figure]};
    markdownCopyCleanup()(tree);
    expect(tree.children?.[0]).toBe(figure);
  });
});

describe('where the Markdown copy of a page is', () => {
  it.each([
    ['/docs/setup/prerequisites', '/docs/setup/prerequisites.md'],
    ['/docs/setup/prerequisites/', '/docs/setup/prerequisites.md'],
    ['/docs', '/docs.md'],
    ['/docs/troubleshooting#qbwc1039', '/docs/troubleshooting.md'],
  ])('%s -> %s', (pathname, url) => {
    expect(markdownUrlFor(pathname)).toBe(url);
  });

  it('refuses an HTML fallback page as the copy', () => {
    expect(looksLikeMarkdown('text/html; charset=utf-8', '<!doctype html><html>')).toBe(false);
    expect(looksLikeMarkdown(null, '<!DOCTYPE html>\n<html>')).toBe(false);
    expect(looksLikeMarkdown('text/markdown', '')).toBe(false);
    expect(looksLikeMarkdown('text/markdown; charset=utf-8', '# Before you start\n')).toBe(true);
  });
});
