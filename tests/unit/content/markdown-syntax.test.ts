import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

// Syntax that MDX 3 under Docusaurus' v4 mode silently prints as text or refuses to build.
const root = join(__dirname, '..', '..', '..');

function contentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return contentFiles(path);
    return /\.mdx?$/.test(name) ? [path] : [];
  });
}

const files = [...contentFiles(join(root, 'docs')), ...contentFiles(join(root, 'blog'))];

describe.each(files.map((file) => [file.slice(root.length + 1), readFileSync(file, 'utf8')]))('%s', (_name, text) => {
  const lines = text.split('\n');

  it('titles admonitions with brackets (":::tip[Title]"), which v4 mode requires', () => {
    const wrong = lines.filter((line) => /^:::(tip|note|info|warning|danger|caution)\s+\S/.test(line));
    expect(wrong).toEqual([]);
  });

  it('writes heading ids as {/* #id */}, not {#id}', () => {
    expect(lines.filter((line) => /^#{1,6} .*\{#[\w-]+\}\s*$/.test(line))).toEqual([]);
  });

  it('marks a post excerpt with {/* truncate */}, not an HTML comment', () => {
    expect(text).not.toContain('<!-- truncate -->');
  });
});

it('finds the guides and the updates to check', () => {
  expect(files.length).toBeGreaterThanOrEqual(13);
});

describe('branding is one setting', () => {
  it('no page names the product itself: they use <Brand /> or useBranding()', async () => {
    const {defaultBranding} = await import('../../../src/branding');
    const named = files.filter((file) => readFileSync(file, 'utf8').includes(defaultBranding.productName));
    expect(named).toEqual([]);
  });
});
