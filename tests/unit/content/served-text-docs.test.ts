import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {SERVED_TEXT_FRONT_MATTER} from '../../../src/components/ServedText/served-text-doc';

// A served-text doc (src/plugins/served-text.ts) runs no code of its own in the browser: what the
// build drew is all the reader gets. So it, and every partial it includes, may hold only text and
// parts that draw markup and do nothing: no code block (its copy button and highlighting are code),
// no component with state, effects or event handlers.
const root = join(__dirname, '..', '..', '..');
const docsDir = join(root, 'docs');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return mdxFiles(path);
    return name.endsWith('.mdx') ? [path] : [];
  });
}

function isServedText(text: string): boolean {
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  return new RegExp(`^${SERVED_TEXT_FRONT_MATTER}:\\s*true\\s*$`, 'm').test(frontMatter);
}

/** The module paths an MDX file imports. */
function importsOf(text: string): string[] {
  return Array.from(text.matchAll(/^import\s[\s\S]*?from\s+'([^']+)';/gm), (match) => match[1] ?? '');
}

/** Where an import of a served-text doc leads: a partial to check in turn, or a component's source files. */
function resolveImport(from: string, request: string): {partial: string} | {sources: string[]} | {unknown: string} {
  if (request.startsWith('.')) return {partial: resolve(dirname(from), request)};
  if (request === '@docusaurus/Link') return {sources: []};
  const site = /^@site\/(.+)$/.exec(request)?.[1];
  if (!site) return {unknown: request};
  const base = join(root, site);
  if (existsSync(base) && statSync(base).isDirectory()) {
    return {
      sources: readdirSync(base)
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => join(base, name)),
    };
  }
  const file = ['.ts', '.tsx'].map((ext) => base + ext).find((path) => existsSync(path));
  return file ? {sources: [file]} : {unknown: request};
}

const BEHAVIOUR = /\buse(State|Effect|LayoutEffect|Reducer|Ref|Transition|SyncExternalStore)\(|\son[A-Z][A-Za-z]*=\{/;

/** What in `file` (and the partials it includes) needs code in the browser. */
function codeNeeded(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const name = file.slice(root.length + 1);
  const found: string[] = [];
  if (/^\s*(```|~~~)/m.test(text)) found.push(`${name}: a code block`);
  for (const request of importsOf(text)) {
    const target = resolveImport(file, request);
    if ('partial' in target) found.push(...codeNeeded(target.partial, seen));
    else if ('unknown' in target) found.push(`${name}: imports ${target.unknown}, which this check cannot read`);
    else {
      for (const source of target.sources) {
        if (BEHAVIOUR.test(readFileSync(source, 'utf8'))) found.push(`${name}: ${request} has state, effects or handlers`);
      }
    }
  }
  return found;
}

const servedTextDocs = mdxFiles(docsDir).filter((file) => isServedText(readFileSync(file, 'utf8')));

describe('served-text docs', () => {
  it('include the troubleshooting catalogue and the guides without widgets', () => {
    const names = servedTextDocs.map((file) => file.slice(docsDir.length + 1));
    expect(names).toEqual(expect.arrayContaining(['troubleshooting.mdx', 'reauthorize.mdx', 'setup/configure-connector.mdx']));
  });

  it.each(servedTextDocs.map((file) => [file.slice(root.length + 1), file]))('%s needs no code in the browser', (_name, file) => {
    expect(codeNeeded(file)).toEqual([]);
  });

  it('tells a doc with a widget or a code block from one without', () => {
    const widgetPage = join(docsDir, 'tools', 'password-check.mdx');
    expect(codeNeeded(widgetPage).join('\n')).toMatch(/a code block|has state, effects or handlers/);
    expect(codeNeeded(widgetPage).join('\n')).toMatch(/PasswordCheck has state, effects or handlers/);
  });
});
